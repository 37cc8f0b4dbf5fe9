package io.hallpass.sample.shop;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice of the demo shop. */
public record Invoice(String number, String customer, LocalDate issued, BigDecimal amount, boolean paid) {
}
