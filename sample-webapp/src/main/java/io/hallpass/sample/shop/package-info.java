/**
 * The demo shop: orders (customers see their card, support never does), billing and payouts for customers,
 * reports for reporting and admin. Fixed data in {@link io.hallpass.sample.shop.DemoShop}; payouts in memory.
 */
package io.hallpass.sample.shop;
