package io.hallpass.sample.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order in the demo shop.
 *
 * @param id       the order number
 * @param customer the customer's username
 * @param placed   when it was placed
 * @param items    what was ordered
 * @param total    the total in euros
 * @param status   where it is
 * @param card     how it was paid: card data, shown to the customer only
 */
public record Order(String id, String customer, LocalDate placed, List<String> items, BigDecimal total,
                    Status status, Card card) {

    public Order {
        items = List.copyOf(items);
    }

    public enum Status {
        PROCESSING("Processing"), SHIPPED("Shipped"), DELIVERED("Delivered"), CANCELLED("Cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
