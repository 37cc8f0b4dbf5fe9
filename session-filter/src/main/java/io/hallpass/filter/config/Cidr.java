package io.hallpass.filter.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8}, {@code 192.168.1.7} or {@code ::1}, as used for
 * the trusted-proxy list. Only literal addresses are accepted: a host name would mean a DNS lookup.
 */
public record Cidr(byte[] network, int prefixLength) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    public static Cidr parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("is not an IP address or block (like 10.0.0.0/8 or ::1)");
        }
        byte[] address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("is not an IP address or block (like 10.0.0.0/8 or ::1)");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("has a prefix length outside 0-" + bits);
            }
        }
        return new Cidr(mask(address, prefix), prefix);
    }

    /** The address bytes of a literal IPv4/IPv6 address, or null if it is not one (never resolves names). */
    public static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        if (!LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            // with a ':' the JDK parses an IPv6 literal and never looks the text up as a name
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** Dotted-decimal IPv4, four parts of 1-3 digits each at most 255; parsed by hand (it is on the request path). */
    private static byte[] ipv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 3) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }

    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        byte[] masked = mask(address, prefixLength);
        return java.util.Arrays.equals(masked, network);
    }

    /** The address with every bit after {@code prefix} cleared. */
    public static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            return "?/" + prefixLength;
        }
    }
}
