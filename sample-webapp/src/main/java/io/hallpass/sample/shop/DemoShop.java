package io.hallpass.sample.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shop behind the portal: a handful of fixed orders, cards and invoices, enough to show who may see what.
 * Only {@code alice} has an account among the customers; the others appear in the support view.
 */
public final class DemoShop {

    private static final Card ALICE_VISA = new Card("Visa", "4242", 8, 2028, true);
    private static final Card ALICE_MASTERCARD = new Card("Mastercard", "5454", 1, 2027, false);
    private static final Card BORIS_AMEX = new Card("Amex", "0005", 3, 2029, true);
    private static final Card CHEN_VISA = new Card("Visa", "1881", 11, 2026, true);

    private static final List<Order> ORDERS = List.of(
            new Order("NW-10533", "alice", LocalDate.of(2025, 11, 20), List.of("Monitor arm", "Cable tray"),
                    new BigDecimal("129.50"), Order.Status.PROCESSING, ALICE_MASTERCARD),
            new Order("NW-10527", "chen", LocalDate.of(2025, 11, 14), List.of("Desk lamp"),
                    new BigDecimal("59.00"), Order.Status.SHIPPED, CHEN_VISA),
            new Order("NW-10517", "alice", LocalDate.of(2025, 11, 3), List.of("Standing desk"),
                    new BigDecimal("649.00"), Order.Status.SHIPPED, ALICE_VISA),
            new Order("NW-10498", "boris", LocalDate.of(2025, 10, 21), List.of("Ergonomic chair", "Footrest"),
                    new BigDecimal("474.00"), Order.Status.DELIVERED, BORIS_AMEX),
            new Order("NW-10482", "alice", LocalDate.of(2025, 10, 2), List.of("Ergonomic chair", "Desk lamp"),
                    new BigDecimal("389.00"), Order.Status.DELIVERED, ALICE_VISA),
            new Order("NW-10455", "chen", LocalDate.of(2025, 9, 12), List.of("Whiteboard"),
                    new BigDecimal("89.90"), Order.Status.CANCELLED, CHEN_VISA));

    private static final List<Invoice> INVOICES = List.of(
            new Invoice("INV-2025-0871", "alice", LocalDate.of(2025, 11, 20), new BigDecimal("129.50"), false),
            new Invoice("INV-2025-0844", "alice", LocalDate.of(2025, 11, 3), new BigDecimal("649.00"), true),
            new Invoice("INV-2025-0790", "alice", LocalDate.of(2025, 10, 2), new BigDecimal("389.00"), true));

    private static final Map<String, BigDecimal> STORE_CREDIT = Map.of("alice", new BigDecimal("250.00"));

    /** Monthly sales for the sales report. */
    public record MonthlySales(YearMonth month, int orders, BigDecimal revenue) {
    }

    private static final List<MonthlySales> SALES = List.of(
            new MonthlySales(YearMonth.of(2025, 6), 212, new BigDecimal("48210.00")),
            new MonthlySales(YearMonth.of(2025, 7), 187, new BigDecimal("41980.50")),
            new MonthlySales(YearMonth.of(2025, 8), 164, new BigDecimal("36044.90")),
            new MonthlySales(YearMonth.of(2025, 9), 238, new BigDecimal("55320.00")),
            new MonthlySales(YearMonth.of(2025, 10), 261, new BigDecimal("61874.40")),
            new MonthlySales(YearMonth.of(2025, 11), 229, new BigDecimal("52911.70")));

    private DemoShop() {
    }

    /** A customer's own orders, newest first. */
    public static List<Order> ordersOf(String customer) {
        return ORDERS.stream().filter(o -> o.customer().equals(customer)).toList();
    }

    /** Every order, newest first, for support. */
    public static List<Order> allOrders() {
        return ORDERS;
    }

    public static List<Card> cardsOf(String customer) {
        return ORDERS.stream().filter(o -> o.customer().equals(customer)).map(Order::card).distinct()
                .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred())).toList();
    }

    public static List<Invoice> invoicesOf(String customer) {
        return INVOICES.stream().filter(i -> i.customer().equals(customer)).toList();
    }

    /** Store credit before payouts. */
    public static BigDecimal storeCredit(String customer) {
        return STORE_CREDIT.getOrDefault(customer, BigDecimal.ZERO.setScale(2));
    }

    public static List<MonthlySales> monthlySales() {
        return SALES;
    }

    /** How many orders are in each state, for the fulfilment report. */
    public static Map<Order.Status, Integer> fulfilment() {
        Map<Order.Status, Integer> counts = new EnumMap<>(Order.Status.class);
        counts.put(Order.Status.PROCESSING, 41);
        counts.put(Order.Status.SHIPPED, 87);
        counts.put(Order.Status.DELIVERED, 1204);
        counts.put(Order.Status.CANCELLED, 23);
        return counts;
    }
}
