package dev.jobmonitor.demo.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses HTTP/1.1 requests from a connection's input stream. Not thread-safe. */
final class RequestReader {
    private static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");

    private final InputStream in;
    private final String remoteAddress;

    RequestReader(InputStream in, String remoteAddress) {
        this.in = in;
        this.remoteAddress = remoteAddress;
    }

    /** Reads the next request, or returns null when the client closed before sending one. */
    HttpRequest read() throws IOException, BadRequestException {
        String requestLine = readLine();
        // Empty lines before a request line are skipped, as HTTP/1.1 servers are expected to do.
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine();
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !METHOD.matcher(parts[0]).matches()
                || !parts[1].startsWith("/") || !VERSION.matcher(parts[2]).matches()) {
            throw new BadRequestException(400, "Malformed request line");
        }
        Map<String, List<String>> headers = readHeaders();
        byte[] body = readBody(headers);
        String target = parts[1];
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? "" : target.substring(question + 1);
        return new HttpRequest(parts[0], decodePath(rawPath), parseQuery(rawQuery), headers, body,
                remoteAddress, parts[2]);
    }

    private Map<String, List<String>> readHeaders() throws IOException, BadRequestException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line == null) {
                throw new BadRequestException(400, "Connection closed inside the header block");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new BadRequestException(431, "Too many header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(colon - 1) == ' ') {
                throw new BadRequestException(400, "Malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException, BadRequestException {
        if (headers.containsKey("transfer-encoding")) {
            // NOTE: chunked request bodies are not supported; OkHttp and curl send Content-Length.
            throw new BadRequestException(501, "Transfer-Encoding in requests is not supported");
        }
        List<String> lengths = headers.get("content-length");
        if (lengths == null) {
            return new byte[0];
        }
        int length;
        try {
            length = Integer.parseInt(lengths.get(0));
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "Invalid Content-Length");
        }
        if (length < 0) {
            throw new BadRequestException(400, "Invalid Content-Length");
        }
        if (length > MAX_BODY_BYTES) {
            throw new BadRequestException(413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new BadRequestException(400, "Connection closed inside the request body");
        }
        return body;
    }

    /** Reads one line ending in CRLF or LF, without the ending; null at end of stream. */
    private String readLine() throws IOException, BadRequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                boolean endsWithCr = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
                int length = endsWithCr ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new BadRequestException(431, "Line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    private static String decodePath(String rawPath) throws BadRequestException {
        try {
            // URLDecoder turns '+' into a space, which is only right in query strings.
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "Malformed percent-encoding in path");
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) throws BadRequestException {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
                query.computeIfAbsent(decodedName, key -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "Malformed percent-encoding in query");
        }
        return query;
    }
}
