package com.fooddelivery.order.shared.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fooddelivery.order.order.domain.OrderStateConflictException;
import com.fooddelivery.order.order.domain.OrderStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** An HTTP action that lost a race is sent once more, and only once; nothing else is retried. */
class RetryOnConcurrentChangeTest {

    private static final Object ACCEPT = new Object() {
        @Override
        public String toString() {
            return "AcceptOrder";
        }
    };

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final RetryOnConcurrentChange commands = new RetryOnConcurrentChange(gateway);

    @Test
    void an_action_that_lost_a_race_is_sent_again_and_its_second_answer_counts() {
        when(gateway.sendAndWait(ACCEPT))
                .thenThrow(new ConcurrencyException("sequence 2 already inserted"))
                .thenReturn("done");

        assertThat((Object) commands.sendAndWait(ACCEPT)).isEqualTo("done");
        verify(gateway, times(2)).sendAndWait(ACCEPT);
    }

    @Test
    void the_second_attempt_may_be_refused_by_the_aggregate_on_the_state_that_won() {
        when(gateway.sendAndWait(ACCEPT))
                .thenThrow(new ConcurrencyException("sequence 2 already inserted"))
                .thenThrow(new OrderStateConflictException(OrderStatus.REJECTED, "accept"));

        assertThatThrownBy(() -> commands.sendAndWait(ACCEPT)).isInstanceOf(OrderStateConflictException.class);
        verify(gateway, times(2)).sendAndWait(ACCEPT);
    }

    @Test
    void an_action_that_loses_twice_is_not_sent_a_third_time() {
        when(gateway.sendAndWait(ACCEPT)).thenThrow(new ConcurrencyException("sequence 2 already inserted"));

        assertThatThrownBy(() -> commands.sendAndWait(ACCEPT)).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(2)).sendAndWait(ACCEPT);
    }

    @Test
    void other_failures_are_not_retried() {
        when(gateway.sendAndWait(ACCEPT)).thenThrow(new OrderStateConflictException(OrderStatus.PREPARING, "accept"));
        assertThatThrownBy(() -> commands.sendAndWait(ACCEPT)).isInstanceOf(OrderStateConflictException.class);

        Object place = new Object();
        when(gateway.sendAndWait(place)).thenThrow(new AggregateStreamCreationException("order exists"));
        assertThatThrownBy(() -> commands.sendAndWait(place)).isInstanceOf(AggregateStreamCreationException.class);

        verify(gateway, times(1)).sendAndWait(ACCEPT);
        verify(gateway, times(1)).sendAndWait(place);
    }

    @Test
    void inside_a_transaction_it_refuses_to_send_because_a_failed_attempt_spoils_the_whole_transaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> commands.sendAndWait(ACCEPT)).isInstanceOf(IllegalStateException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        verify(gateway, times(0)).sendAndWait(ACCEPT);
    }
}
