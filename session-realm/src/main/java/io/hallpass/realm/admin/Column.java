package io.hallpass.realm.admin;

import java.util.function.Function;

/**
 * One column of a listing: its header in text, its key in JSON, and how a row gives its value (a string, number,
 * boolean, instant, collection or null; see {@link Output}).
 */
record Column<T>(String header, String key, Function<T, Object> value) {
}
