package io.hallpass.sample.shop;

/**
 * A payment card on file. The portal only ever holds the brand, the last four digits and the expiry, as a real
 * shop's payment provider would give them back; even so, only the card's owner sees them.
 */
public record Card(String brand, String last4, int expiryMonth, int expiryYear, boolean preferred) {

    /** e.g. {@code Visa •••• 4242}. */
    public String masked() {
        return brand + " •••• " + last4;
    }

    /** e.g. {@code 08/2028}. */
    public String expiry() {
        return String.format("%02d/%d", expiryMonth, expiryYear);
    }
}
