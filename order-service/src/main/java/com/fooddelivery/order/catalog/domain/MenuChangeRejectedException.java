package com.fooddelivery.order.catalog.domain;

/** A menu that is well formed but breaks a rule of the catalog: nothing is changed. */
public class MenuChangeRejectedException extends RuntimeException {

    public enum Reason {
        /** Every item of a menu is priced in the same currency: orders add up their lines. */
        MIXED_CURRENCIES,
        /** An item id that is not on this restaurant's menu (another restaurant's, removed, or never issued). */
        UNKNOWN_MENU_ITEM,
        /** The same item id twice in one menu. */
        DUPLICATE_MENU_ITEM
    }

    private final Reason reason;
    private final Object[] arguments;

    /** @param arguments what {@code message} is made of (names, ids), for a client's text in its own language */
    public MenuChangeRejectedException(Reason reason, String message, Object... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
