package org.cqdrug.tracker.source.read;

/** A file that cannot be read as the format it claims; the upload answers 422 with this message. */
public class MalformedFileException extends RuntimeException {

    public MalformedFileException(String message) {
        super(message, null, false, false);
    }
}
