package org.cqdrug.tracker.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.notification.mapping.EventView;

/** An event as the body of a delivery: CloudEvents 1.0 in its JSON form, written by the CloudEvents SDK. */
@ApplicationScoped
public class CloudEvents {

    private static final EventFormat FORMAT = new JsonFormat();

    private final ObjectMapper json;

    public CloudEvents(ObjectMapper json) {
        this.json = json;
    }

    public String json(EventView event) {
        byte[] data;
        try {
            data = json.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        CloudEvent cloudEvent = CloudEventBuilder.v1().withId(event.id().toString()).withSource(URI.create(event.source()))
                .withType(event.type()).withTime(event.time().atOffset(ZoneOffset.UTC)).withSubject(event.subject())
                .withData(event.datacontenttype(), data).build();
        return new String(FORMAT.serialize(cloudEvent), StandardCharsets.UTF_8);
    }
}
