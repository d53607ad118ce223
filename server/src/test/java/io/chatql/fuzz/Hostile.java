package io.chatql.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Hostile values, drawn from a seeded {@link Random}: what a careless or malicious client sends where
 * the server expects a string, an id, a JSON body or a header.
 */
final class Hostile {

    private static final List<String> TRICKY = List.of(
            "",
            " ",
            "a\u0000b",
            "lone \ud800 high",
            "lone \udfff low",
            "\udc00\ud800",
            "\u202eevil\u202c",
            "zero\u200bwidth\u200d\ufeff",
            "e\u0301\u0301\u0301\u0301\u0301",
            "\ud83d\ude00\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "\u0007\u001b[31m\r\n\t\u007f",
            "' OR 1=1 --",
            "\"; drop table message; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "%s%n%x",
            "../../../etc/passwd",
            "\\u0000",
            "null",
            "-1",
            "1e400",
            "\ufffd\uffff\ufffe");

    private static final List<Integer> LENGTHS = List.of(64, 65, 128, 129, 10_000, 10_001, 100_000);

    private final Random random;

    Hostile(Random random) {
        this.random = random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A string with NUL, lone surrogates, direction marks, control characters, or of a length near a limit. */
    String string() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(TRICKY);
            case 1 -> pick(TRICKY) + pick(TRICKY);
            case 2 -> "x".repeat(pick(LENGTHS));
            case 3 -> randomCodePoints(between(1, 40));
            default -> pick(TRICKY).repeat(between(2, 50));
        };
    }

    private String randomCodePoints(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int codePoint = chance(50) ? between(0, 0x7f) : between(0, Character.MAX_CODE_POINT);
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** Any JSON value as text: of the wrong type, deeply nested, huge, or a hostile string. */
    String json() {
        return switch (random.nextInt(12)) {
            case 0 -> "null";
            case 1 -> pick(List.of("true", "false"));
            case 2 -> pick(List.of("0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e400", "-0", "1E-400"));
            case 3 -> "[" + json() + "," + json() + "]";
            case 4 -> "{" + quote(string()) + ":" + json() + "}";
            case 5 -> nested(between(2, 1200));
            case 6 -> "[]";
            case 7 -> "{}";
            default -> quote(string());
        };
    }

    private String nested(int depth) {
        boolean arrays = chance(50);
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    /** {@code value} as a JSON string, every character outside printable ASCII escaped, lone surrogates too. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                quoted.append("\\u%04x".formatted((int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** A JSON object of the given members, as text. */
    static String object(List<String> names, List<String> values) {
        StringJoiner members = new StringJoiner(",", "{", "}");
        for (int i = 0; i < names.size(); i++) {
            members.add(quote(names.get(i)) + ":" + values.get(i));
        }
        return members.toString();
    }

    /** {@code body} broken: truncated, with characters deleted, inserted or swapped, or not UTF-8 at all. */
    byte[] broken(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, '{', '"', (byte) 0xed, (byte) 0xa0};
            case 2 -> (body + pick(List.of("}", "]", ",", "\"", "\\", "{\"x\":1}"))).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[" + body + "]").getBytes(StandardCharsets.UTF_8);
            default -> {
                StringBuilder mutated = new StringBuilder(body);
                for (int i = between(1, 4); i > 0 && !mutated.isEmpty(); i--) {
                    int at = random.nextInt(mutated.length());
                    if (chance(50)) {
                        mutated.deleteCharAt(at);
                    } else {
                        mutated.insert(at, pick(List.of('{', '}', '[', ']', '"', ':', ',', '\\', '\u0000')));
                    }
                }
                yield mutated.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /**
     * An {@code Authorization} header value, or null for none: empty, a bare scheme, JWE-shaped, not
     * base64, unsigned ({@code alg: none}), huge, or {@code validToken} tampered with.
     */
    String authorization(String validToken) {
        String unsignedHeader = base64Url("{\"alg\":\"none\"}");
        String claims = base64Url("{\"iss\":\"chatql\",\"sub\":\"someone\",\"aud\":\"chatql\",\"exp\":9999999999}");
        String[] parts = validToken.split("\\.");
        return pick(List.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer  " + validToken,
                "bearer " + validToken,
                "Basic dXNlcjpwYXNzd29yZA==",
                "Bearer a.b.c.d.e",
                "Bearer " + base64Url("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + ".a2V5.aXY.Y2lwaGVy.dGFn",
                "Bearer ***.$$$.!!!",
                "Bearer " + unsignedHeader + "." + claims + ".",
                "Bearer " + parts[0] + "." + claims + "." + parts[2],
                "Bearer " + validToken.substring(0, validToken.length() - 3),
                "Bearer " + validToken + "." + validToken,
                "Bearer " + "A".repeat(between(1000, 6000)),
                "Bearer " + base64Url("[1,2]") + "." + base64Url("\"x\"") + ".c2ln",
                validToken));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code Content-Type} value, from right to malformed. */
    String contentType() {
        return pick(List.of(
                "application/json",
                "application/json; charset=utf-16",
                "application/json; charset=no-such-charset",
                "application/graphql",
                "application/graphql-response+json",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "text/plain",
                "text/event-stream",
                "application/",
                ";;;",
                "garbage",
                "*/*",
                ""));
    }

    /** An {@code Accept} value, from right to malformed. */
    String accept() {
        return pick(List.of(
                "application/json",
                "application/graphql-response+json",
                "text/event-stream",
                "application/xml",
                "image/png",
                "text/html;q=abc",
                "application/json;q=0",
                "*/*",
                "garbage",
                ""));
    }
}
