package com.fooddelivery.query.rebuild;

import com.fooddelivery.web.Problems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints for the read model, ADMIN only (see the runbook). */
@RestController
class RebuildController {

    private static final String PATH = "/admin/read-model/rebuild";

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Starts rebuilding every index from its topic: 202, follow it at the Location; 409 while one is running. */
    @PostMapping(PATH)
    ResponseEntity<RebuildReport> start() {
        RebuildReport started = rebuild.start()
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.CONFLICT, Problems.localized(HttpStatus.CONFLICT, "rebuild-running", PATH), null));
        return ResponseEntity.accepted().location(URI.create(PATH)).body(started);
    }

    @GetMapping(PATH)
    RebuildReport status() {
        return rebuild.lastReport()
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND, Problems.localized(HttpStatus.NOT_FOUND, "no-rebuild"), null));
    }
}
