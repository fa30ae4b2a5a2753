package com.fooddelivery.payment.payment.application;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;

/** Sends the answer an outcome calls for (in the caller's transaction), or nothing for a pending one. */
public interface PaymentAnswers {

    void answer(PaymentOutcome outcome, String command, MessageContext replyTo);
}
