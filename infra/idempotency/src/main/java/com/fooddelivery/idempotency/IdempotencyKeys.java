package com.fooddelivery.idempotency;

/** What makes an {@code Idempotency-Key} acceptable: 1 to 100 printable ASCII characters (space to tilde). */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 100;

    private IdempotencyKeys() {}

    /** @return why the key is refused, or {@code null} if it is acceptable */
    public static String problemWith(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return "size must be between 1 and " + MAX_LENGTH;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "must contain only printable ASCII characters";
            }
        }
        return null;
    }
}
