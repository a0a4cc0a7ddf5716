package org.custodia.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} will not send: a {@code Content-Length} larger than
 * the body that follows (the server must refuse on the header alone), or a chunked body of a chosen size. The
 * answer is read up to the end of its head and as much body as the server sends before closing.
 */
public final class RawHttp {

    /** What the server answered. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** Writes the body (or part of it) after the head; the head is already on the wire. */
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private RawHttp() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the head (with the headers given, plus Host and Connection: close), then the body, then reads the answer. */
    public static Answer send(int port, String method, String path, Map<String, String> headers, BodyWriter body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                body.write(out);
                out.flush();
            } catch (IOException serverStoppedReading) {
                // the server answered and closed before the whole body was sent: read what it said
            }
            return read(socket.getInputStream());
        }
    }

    /** A chunked body of {@code total} bytes, made of {@code unit} repeated, and the last chunk. */
    public static BodyWriter chunked(byte[] unit, long total) {
        return chunked(new byte[0], unit, total);
    }

    /** The same after a first chunk (a CSV header, say). */
    public static BodyWriter chunked(byte[] first, byte[] unit, long total) {
        return out -> {
            if (first.length > 0) {
                out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(first);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            long sent = 0;
            while (sent < total) {
                int n = (int) Math.min(unit.length, total - sent);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(unit, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent += n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        byte[] bytes = all.toByteArray();
        String ascii = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = ascii.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: " + ascii);
        }
        String[] lines = ascii.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = end + 4;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (at < bytes.length) {
                int eol = ascii.indexOf("\r\n", at);
                if (eol < 0) {
                    break;
                }
                int size = Integer.parseInt(ascii.substring(at, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(bytes, eol + 2, Math.min(size, bytes.length - eol - 2));
                at = eol + 2 + size + 2;
            }
        } else {
            body.write(bytes, at, bytes.length - at);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }
}
