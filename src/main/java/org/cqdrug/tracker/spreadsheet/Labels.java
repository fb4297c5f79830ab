package org.cqdrug.tracker.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A spreadsheet's words in the reader's language: column names and enum values. English is the API's own names; Chinese
 * labels come from {@code spreadsheet/labels_zh.properties}, and a name without a label there stays as it is.
 */
public final class Labels {

    public static final Labels ENGLISH = new Labels(Map.of("about", "About", "about.field", "Field",
            "about.value", "Value", "about.resource", "Resource", "about.query", "Query", "about.asOf", "As of",
            "about.exportedAt", "Exported at (UTC)", "about.evidence", "Evidence counted", "about.source", "Address"));
    public static final Labels CHINESE = new Labels(load("/spreadsheet/labels_zh.properties"));

    private final Map<String, String> words;
    /** The names and enum constants by their labels, to read a file written with them. */
    private final Map<String, String> named;

    private Labels(Map<String, String> words) {
        this.words = words;
        this.named = words.entrySet().stream().filter(word -> !word.getKey().startsWith("about"))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue,
                        word -> word.getKey().startsWith("value.") ? word.getKey().substring(6) : word.getKey(),
                        (a, b) -> a));
    }

    /** The column a header names: the API name it labels, or the header itself. */
    public String name(String header) {
        String name = named.get(header);
        return name == null || name.equals(name.toUpperCase(Locale.ROOT)) ? header : name;
    }

    /** The enum constant a cell's label stands for, or the cell as it is. */
    public String constant(String cell) {
        String name = cell == null ? null : named.get(cell);
        return name != null && name.equals(name.toUpperCase(Locale.ROOT)) ? name : cell;
    }

    /** The labels for a {@code lang} parameter, else for the first language of Accept-Language that has them. */
    public static Labels of(String lang, java.util.List<Locale> accepted) {
        return org.cqdrug.tracker.common.Language.of(lang, accepted) == org.cqdrug.tracker.common.Language.ZH
                ? CHINESE : ENGLISH;
    }

    /** A column's header, or any other word of the file's own (the About sheet's). */
    public String word(String name) {
        return words.getOrDefault(name, name);
    }

    /** A cell's value: an enum constant by its label, anything else as it is. */
    public Object value(Object value) {
        if (value instanceof Enum<?> constant && this != ENGLISH) {
            return words.getOrDefault("value." + constant.name(), constant.name());
        }
        return value;
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames().stream()
                    .collect(Collectors.toUnmodifiableMap(key -> key, properties::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
