package io.hallpass.realm.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes, recognises and hashes session tokens (see the package documentation for the format). Thread-safe.
 *
 * <pre>{@code
 * TokenCodec codec = new TokenCodec(null);
 * String token = codec.newToken();              // hand out once
 * if (codec.isWellFormed(presented)) {
 *     byte[] key = codec.hash(presented);       // look the session up by this
 * }
 * }</pre>
 */
public final class TokenCodec {

    /** The fixed prefix of every token. */
    public static final String PREFIX = "hp1_";

    /** What a token looks like, for secret scanners and log filters. */
    public static final Pattern PATTERN = Pattern.compile("hp1_[A-Za-z0-9_-]{49}");

    /** Random bytes per token: 256 bits. */
    public static final int RANDOM_BYTES = 32;

    /** Bytes of a stored token hash. */
    public static final int HASH_BYTES = 32;

    /** Characters of a token. */
    public static final int LENGTH = 53;

    private static final int RANDOM_CHARS = 43;
    private static final int PUBLIC_ID_BYTES = 16;

    // One generator for the whole process: SecureRandom is thread-safe, and seeding it once is the costly part.
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec pepper;

    /**
     * @param pepper the secret for HMAC-SHA-256 hashes, or null for plain SHA-256
     */
    public TokenCodec(byte[] pepper) {
        this.pepper = pepper == null ? null : new SecretKeySpec(pepper.clone(), "HmacSHA256");
        hash(newToken()); // fail at start, not on the first request, if an algorithm were missing
    }

    /** A new token: 256 fresh random bits, with prefix and checksum. */
    public String newToken() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + ENCODER.encodeToString(random) + ENCODER.encodeToString(checksum(random));
    }

    /** A new public id for a session: 128 random bits, base64url, 22 characters. Names a session, proves nothing. */
    public static String newPublicId() {
        byte[] random = new byte[PUBLIC_ID_BYTES];
        RANDOM.nextBytes(random);
        return ENCODER.encodeToString(random);
    }

    /**
     * Whether a string has the form of a token and its checksum matches. Costs no I/O; a string that fails is
     * certainly not a token the realm issued.
     */
    public boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        String randomPart = token.substring(PREFIX.length(), PREFIX.length() + RANDOM_CHARS);
        String checkPart = token.substring(PREFIX.length() + RANDOM_CHARS);
        byte[] random = DECODER.decode(randomPart);
        byte[] check = DECODER.decode(checkPart);
        // Only the canonical spelling counts: the unused low bits of the last character must be zero, so that
        // exactly one string stands for each token.
        return ENCODER.encodeToString(random).equals(randomPart) && ENCODER.encodeToString(check).equals(checkPart)
                && MessageDigest.isEqual(check, checksum(random));
    }

    /**
     * The stored form of a token: SHA-256 of its characters, or HMAC-SHA-256 with the pepper. Callers check
     * {@link #isWellFormed(String)} first.
     */
    public byte[] hash(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
        try {
            if (pepper == null) {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 or HmacSHA256 is not available", e);
        }
    }

    /** SHA-256 of any text, for values that are stored only to be compared (device ids). */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] checksum(byte[] random) {
        CRC32 crc = new CRC32();
        crc.update(random);
        long value = crc.getValue();
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    @Override
    public String toString() {
        return "TokenCodec[" + (pepper == null ? "SHA-256" : "HMAC-SHA-256") + "]";
    }

}
