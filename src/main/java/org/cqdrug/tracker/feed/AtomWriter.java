package org.cqdrug.tracker.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/** Writes an {@link AtomFeed} as Atom 1.0 with ROME. */
@Provider
@Produces(AtomFeed.MEDIA_TYPE)
public class AtomWriter implements MessageBodyWriter<AtomFeed> {

    private static final String SERVICE = "Chongqing innovative-drug tracker";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return AtomFeed.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(AtomFeed atom, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Language", atom.language().tag());
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            new WireFeedOutput().output(feed(atom), writer);
        } catch (FeedException e) {
            throw new WebApplicationException(e);
        }
        writer.flush();
    }

    /** Characters XML 1.0 cannot hold, dropped from text that came from people (a watchlist's name). */
    private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern.compile(
            "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private static String text(String value) {
        return value == null ? null : NOT_XML.matcher(value).replaceAll("");
    }

    static Feed feed(AtomFeed atom) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(atom.id());
        feed.setTitle(text(atom.title()));
        feed.setLanguage(atom.language().tag());
        feed.setUpdated(Date.from(atom.updated()));
        List<Link> links = new ArrayList<>(List.of(link("self", atom.self(), AtomFeed.MEDIA_TYPE)));
        if (atom.next() != null) {
            links.add(link("next", atom.next(), AtomFeed.MEDIA_TYPE)); // RFC 5005 paging: older entries
        }
        feed.setOtherLinks(links);
        Person service = new Person();
        service.setName(SERVICE);
        feed.setAuthors(List.of(service));
        List<Entry> entries = new ArrayList<>();
        for (AtomFeed.Entry item : atom.entries()) {
            Entry entry = new Entry();
            entry.setId(item.id());
            entry.setTitle(text(item.title()));
            entry.setUpdated(Date.from(item.updated()));
            if (item.link() != null) {
                entry.setAlternateLinks(List.of(link("alternate", item.link(), MediaType.APPLICATION_JSON)));
            }
            if (item.author() != null) {
                Person author = new Person();
                author.setName(text(item.author()));
                entry.setAuthors(List.of(author));
            }
            if (item.summary() != null) {
                Content summary = new Content();
                summary.setType(Content.TEXT);
                summary.setValue(text(item.summary()));
                entry.setSummary(summary);
            }
            if (item.category() != null) {
                Category category = new Category();
                category.setTerm(item.category());
                entry.setCategories(List.of(category));
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
