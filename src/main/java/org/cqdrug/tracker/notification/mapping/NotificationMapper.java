package org.cqdrug.tracker.notification.mapping;

import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.notification.Watchlist;
import org.cqdrug.tracker.notification.Webhook;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Moves data between webhooks and watchlists and their API records. */
@Mapper(config = MapperDefaults.class)
public interface NotificationMapper {

    WebhookView toView(Webhook webhook);

    @Mapping(target = "owner", ignore = true)
    @Mapping(target = "secret", ignore = true)
    @Mapping(target = "previousSecret", ignore = true)
    @Mapping(target = "previousSecretUntil", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "disabledReason", ignore = true)
    void apply(WebhookInput input, @MappingTarget Webhook webhook);

    @Mapping(target = "feed", expression = "java(\"/api/v1/watchlists/\" + watchlist.id + \"/events?format=atom\")")
    WatchlistView toView(Watchlist watchlist);

    @Mapping(target = "owner", ignore = true)
    void apply(WatchlistInput input, @MappingTarget Watchlist watchlist);
}
