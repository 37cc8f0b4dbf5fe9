package io.hallpass.realm.password;

import io.hallpass.realm.PasswordCost;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * salt and hash in standard base64 without padding, as the PHC format specifies.
 */
record PhcString(PasswordCost cost, byte[] salt, byte[] hash) {

    private static final Pattern FORM = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,3}),p=([0-9]{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{11,88})");

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /**
     * Parses a stored hash. Anything else than a well-formed Argon2id v1.3 string with an 8 to 64 byte salt and a
     * 16 to 64 byte hash, at a cost {@link PasswordCost} accepts, is refused.
     *
     * @throws IllegalArgumentException if the string is not such a hash; the message does not repeat it
     */
    static PhcString parse(String text) {
        if (text == null || text.length() > 255) {
            throw new IllegalArgumentException("not an argon2id PHC string");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an argon2id v19 PHC string");
        }
        PasswordCost cost;
        try {
            cost = new PasswordCost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) { // including InvalidInputException
            throw new IllegalArgumentException("argon2id parameters out of range", e);
        }
        byte[] salt = decode(m.group(4));
        byte[] hash = decode(m.group(5));
        if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("argon2id salt or hash of unexpected length");
        }
        return new PhcString(cost, salt, hash);
    }

    private static byte[] decode(String part) {
        // Unpadded base64 can not have a length of 1 modulo 4, and only the canonical spelling is accepted.
        if (part.length() % 4 == 1) {
            throw new IllegalArgumentException("bad base64 in PHC string");
        }
        byte[] bytes = DECODER.decode(part);
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw new IllegalArgumentException("non-canonical base64 in PHC string");
        }
        return bytes;
    }

    String format() {
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "PhcString[" + cost + "]";
    }
}
