package org.cqdrug.tracker.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of webhooks on a free local port: each path answers the statuses it is told to, in turn (then
 * 200), and keeps every message it got, headers and body.
 */
public final class Receiver implements AutoCloseable {

    /** One message as received. */
    public record Message(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A scripted answer: a status and its headers, and how long to wait between the headers and the body. */
    public record Answer(int status, Map<String, String> headers, long bodyAfterMillis) {

        public Answer(int status, Map<String, String> headers) {
            this(status, headers, 0);
        }
    }

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            messages.add(new Message(path, Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = scripts.getOrDefault(path, new ConcurrentLinkedDeque<>()).poll();
            if (answer == null) {
                answer = new Answer(200, Map.of());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] text = ("answered " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), answer.bodyAfterMillis() > 0 ? 0 : text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (answer.bodyAfterMillis() > 0) {
                    out.flush();
                    try {
                        Thread.sleep(answer.bodyAfterMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                out.write(text);
            } catch (IOException gone) {
                // the caller stopped waiting
            }
        });
        server.start();
    }

    /** The address of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers of a path, in turn; after them it answers 200. */
    public void answer(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    public List<Message> messages(String path) {
        List<Message> at = new ArrayList<>();
        for (Message message : messages) {
            if (message.path().equals(path)) {
                at.add(message);
            }
        }
        return at;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
