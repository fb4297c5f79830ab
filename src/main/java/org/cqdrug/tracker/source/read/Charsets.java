package org.cqdrug.tracker.source.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset a saved file is written in: its byte-order mark, else the charset it declares (a page's meta tag, or
 * the upload's media type), else UTF-8 when the bytes are valid UTF-8, else GB18030. Chinese pages declaring gb2312
 * or GBK are read as GB18030, as browsers do: it is their superset, and pages written in GBK often declare gb2312.
 */
public final class Charsets {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final int SNIFF = 8192;

    private Charsets() {
    }

    /** For an HTML page: its meta declaration is read from its first bytes. */
    public static Charset ofPage(byte[] bytes, String declared) {
        return bom(bytes).or(() -> named(declared)).or(() -> {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1);
            Matcher meta = META.matcher(head);
            return meta.find() ? named(meta.group(1)) : Optional.empty();
        }).orElseGet(() -> guessed(bytes));
    }

    /** For a CSV file, whose only declaration is the upload's media type. */
    public static Charset ofText(byte[] bytes, String declared) {
        return bom(bytes).or(() -> named(declared)).orElseGet(() -> guessed(bytes));
    }

    /** How many bytes of a byte-order mark start the file. */
    public static int bomLength(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return 3;
        }
        return bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) ? 2 : 0;
    }

    private static Optional<Charset> bom(byte[] bytes) {
        return switch (bomLength(bytes)) {
            case 3 -> Optional.of(StandardCharsets.UTF_8);
            case 2 -> Optional.of((bytes[0] & 0xff) == 0xfe ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            default -> Optional.empty();
        };
    }

    private static Optional<Charset> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("gb") || lower.equals("x-gbk") || lower.equals("cp936")) {
            return Optional.of(GB18030);
        }
        try {
            return Optional.of(Charset.forName(lower));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Charset guessed(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }
}
