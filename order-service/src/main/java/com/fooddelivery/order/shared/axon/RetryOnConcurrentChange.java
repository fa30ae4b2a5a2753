package com.fooddelivery.order.shared.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the command of a person's action (an HTTP request) and, if it lost a race to a concurrent change of the same
 * aggregate, sends it exactly once more.
 *
 * <p>The race: Axon's aggregate lock is per JVM and is released when the command's unit of work ends, so another
 * instance, or a service reply whose unit of work runs inside the inbox's still-open transaction, can change the
 * order between this command's load and its append. The event-sequence constraint then refuses the append
 * ({@link ConcurrencyException}, see {@code AxonConfiguration.uniqueViolationResolver}) and everything the command
 * did is rolled back. The second attempt loads the aggregate again, with the change that won, and the aggregate
 * decides on that state: the action succeeds (a cancel after the payment was authorized is still a cancel), or is
 * refused by its own rules ({@code order-state-conflict}, 409). Only if the second attempt loses a race too, the
 * {@link ConcurrencyException} reaches the client, as {@code concurrent-update} (409).
 *
 * <p>Only for a command that is its own transaction: inside a unit of work or a transaction (a saga, a deadline, the
 * inbox) the failed attempt has already spoiled the surrounding work, which is retried as a whole by its owner.
 */
@Component
public class RetryOnConcurrentChange {

    private static final Logger log = LoggerFactory.getLogger(RetryOnConcurrentChange.class);

    private final CommandGateway commands;

    public RetryOnConcurrentChange(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R sendAndWait(Object command) {
        if (CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "A command retried on a concurrent change must be its own transaction: " + command);
        }
        try {
            return commands.sendAndWait(command);
        } catch (ConcurrencyException lostRace) {
            log.info(
                    "{} lost a race with a concurrent change of the same aggregate; sending it once more",
                    command.getClass().getSimpleName());
            return commands.sendAndWait(command);
        }
    }
}
