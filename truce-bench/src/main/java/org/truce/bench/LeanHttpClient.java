package org.truce.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The smallest HTTP/1.1 client the intake benchmark needs: one keep-alive connection over a
 * plain socket, requests whose bytes were built beforehand ({@link #post}), and an answer read as
 * status line, headers and a body of {@code Content-Length} bytes (or chunks). It exists because
 * {@code java.net.http} spent more CPU per request than parts of the server it measured, in the
 * same JVM; this one does no more than write bytes and read them back. Not thread-safe: one per
 * client thread.
 */
final class LeanHttpClient implements AutoCloseable {

    /** A status line, a header block or a chunk size line longer than this is refused. */
    private static final int MAX_LINE_BYTES = 8192;

    /** An answer: its status and its body. */
    record Response(int status, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeout_ms;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LeanHttpClient(String host, int port, int timeout_ms) {
        this.host = host;
        this.port = port;
        this.timeout_ms = timeout_ms;
    }

    /**
     * The bytes of a POST with a body, ready to send (built before anything is timed). {@code
     * headers} come after Host, Content-Type and Content-Length.
     */
    static byte[] post(String host, int port, String path, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + content.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return request;
    }

    /** Sends one request (as built by {@link #post}) and reads its whole answer. */
    Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        int status = status(line());
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header line in the answer: " + header);
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // not needed to read the answer
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunks();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("the connection closed after " + body.length + " of " + length + " body bytes");
            }
        } else {
            // No length and no chunks: the body runs to the end of the connection.
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            Socket s = socket;
            socket = null;
            s.close();
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeout_ms);
        s.connect(new InetSocketAddress(host, port), timeout_ms);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 1 << 14);
        out = s.getOutputStream();
    }

    private static int status(String line) throws IOException {
        // HTTP/1.1 201 Created
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + line);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status line: " + line);
        }
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size line: " + size);
            }
            if (n == 0) {
                // Trailers, if any, up to the empty line.
                while (!line().isEmpty()) {
                    continue;
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new IOException("the connection closed inside a chunk");
            }
            body.writeBytes(chunk);
            if (!line().isEmpty()) {
                throw new IOException("a chunk did not end with CRLF");
            }
        }
    }

    /** One line without its CRLF (a bare LF is accepted). */
    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            if (c == '\n') {
                int end = b.length();
                if (end > 0 && b.charAt(end - 1) == '\r') {
                    b.setLength(end - 1);
                }
                return b.toString();
            }
            if (b.length() >= MAX_LINE_BYTES) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE_BYTES + " bytes");
            }
            b.append((char) c);
        }
    }
}
