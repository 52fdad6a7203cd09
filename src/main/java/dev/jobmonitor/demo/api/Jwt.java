package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.sim.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 JSON Web Tokens (RFC 7519) signed with HmacSHA256. */
final class Jwt {
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jwt() {
    }

    /** Signs the claims as {@code header.payload.signature}. */
    static String sign(ObjectNode claims, byte[] key) {
        String signingInput = encode(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
                + encode(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + encode(hmac(signingInput, key));
    }

    /**
     * Returns the claims of a token that is well formed, uses HS256, carries a valid signature
     * for the key and has an {@code exp} later than {@code nowSeconds}; otherwise empty.
     */
    static Optional<ObjectNode> verify(String token, byte[] key, long nowSeconds) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.MAPPER.readTree(DECODER.decode(parts[0]));
            if (header == null || !"HS256".equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            byte[] expected = hmac(parts[0] + "." + parts[1], key);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.MAPPER.readTree(DECODER.decode(parts[1]));
            if (claims == null || !claims.isObject() || !claims.path("exp").canConvertToLong()) {
                return Optional.empty();
            }
            // jsonwebtoken treats a token as expired once now >= exp, in whole seconds.
            if (nowSeconds >= claims.get("exp").asLong()) {
                return Optional.empty();
            }
            return Optional.of((ObjectNode) claims);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    private static byte[] hmac(String input, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
