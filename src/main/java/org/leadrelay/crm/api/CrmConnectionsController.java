package org.leadrelay.crm.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.ConnectionTest;
import org.leadrelay.crm.CrmConnection;
import org.leadrelay.crm.CrmConnectionRequest;
import org.leadrelay.crm.CrmConnections;
import org.leadrelay.crm.FieldMapping;
import org.leadrelay.crm.SyncLogEntry;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The organization's CRM connection: for the partner's API clients (which act as its
 * Referrals admin). The client secret goes in once and never comes back out.
 */
@RestController
@RequestMapping("/v1.0/crm/connections")
@Tag(name = "CRM connections")
class CrmConnectionsController {

	private static final int MAX_LOG_ENTRIES = 500;

	private final CrmConnections connections;

	CrmConnectionsController(CrmConnections connections) {
		this.connections = connections;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Connect the organization's Dynamics 365 or Salesforce (one CRM per organization); "
			+ "the field mapping defaults to the CRM's standard fields")
	ResponseEntity<ConnectionJson> connect(Caller caller, @RequestBody ConnectRequest request) {
		CrmConnection connection = this.connections.connect(caller, request.toRequest());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(connection.id())
			.toUri();
		return ResponseEntity.created(location).body(ConnectionJson.of(connection));
	}

	@GetMapping
	@Operation(summary = "The organization's CRM connection, if it has one")
	ConnectionListJson list(Caller caller) {
		return new ConnectionListJson(this.connections.find(caller).map(ConnectionJson::of).stream().toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One connection (without its client secret)")
	ConnectionJson get(Caller caller, @PathVariable String id) {
		return ConnectionJson.of(this.connections.get(caller, connectionId(id)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disconnect the CRM; leads keep their CRM IDs")
	void delete(Caller caller, @PathVariable String id) {
		this.connections.delete(caller, connectionId(id));
	}

	@PostMapping("/{id}/test")
	@Operation(summary = "Sign in to the CRM and read what syncing needs; each step says what failed")
	TestJson test(Caller caller, @PathVariable String id) {
		return TestJson.of(this.connections.test(caller, connectionId(id)));
	}

	@PutMapping(path = "/{id}/field-mapping", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change which opportunity fields receive what")
	ConnectionJson changeFieldMapping(Caller caller, @PathVariable String id, @RequestBody FieldMapping mapping) {
		return ConnectionJson.of(this.connections.changeFieldMapping(caller, connectionId(id), mapping));
	}

	@GetMapping("/{id}/sync-log")
	@Operation(summary = "What the sync did, newest first: leads sent, changes read from the CRM, tests")
	LogJson syncLog(Caller caller, @PathVariable String id, @RequestParam(name = "$top", defaultValue = "50") int top) {
		if (top < 1 || top > MAX_LOG_ENTRIES) {
			throw DomainException.invalid("$top", "$top must be between 1 and " + MAX_LOG_ENTRIES);
		}
		return new LogJson(this.connections.log(caller, connectionId(id), top).stream().map(LogEntryJson::of).toList());
	}

	/**
	 * A malformed id cannot name any connection: it is not found, like another tenant's.
	 */
	private static UUID connectionId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("CRM connection not found");
		}
	}

	record ConnectRequest(@Nullable String kind, @Nullable String instanceUrl, @Nullable String tokenUrl,
			@Nullable String clientId, @Nullable String clientSecret, @Nullable FieldMapping fieldMapping) {

		CrmConnectionRequest toRequest() {
			return new CrmConnectionRequest(this.kind, this.instanceUrl, this.tokenUrl, this.clientId,
					this.clientSecret, this.fieldMapping);
		}

		@Override
		public String toString() {
			return toRequest().toString();
		}

	}

	record ConnectionListJson(List<ConnectionJson> value) {
	}

	/**
	 * @param lastPolledDateTime when LeadRelay last read the CRM's changes
	 * @param lastPollError why that failed, if it did
	 */
	record ConnectionJson(String id, String kind, String instanceUrl, String tokenUrl, String clientId,
			FieldMapping fieldMapping, String createdBy, String createdDateTime, @Nullable String lastPolledDateTime,
			@Nullable String lastPollError) {

		static ConnectionJson of(CrmConnection connection) {
			return new ConnectionJson(connection.id().toString(), connection.kind().apiName(), connection.instanceUrl(),
					connection.tokenUrl(), connection.clientId(), connection.fieldMapping(), connection.createdBy(),
					connection.createdAt().toString(), text(connection.lastPolledAt()), connection.lastPollError());
		}

	}

	record TestJson(boolean passed, List<StepJson> steps) {

		static TestJson of(ConnectionTest test) {
			return new TestJson(test.passed(),
					test.steps()
						.stream()
						.map(step -> new StepJson(step.name(), step.passed(), step.detail()))
						.toList());
		}

	}

	record StepJson(String step, boolean passed, String detail) {
	}

	record LogJson(List<LogEntryJson> value) {
	}

	/**
	 * @param direction {@code outbound} (a lead sent), {@code inbound} (a change read) or
	 * {@code test}
	 */
	record LogEntryJson(String occurredDateTime, String direction, @Nullable String referralId, boolean failed,
			String message) {

		static LogEntryJson of(SyncLogEntry entry) {
			return new LogEntryJson(entry.occurredAt().toString(), entry.direction().name().toLowerCase(Locale.ROOT),
					text(entry.referralId()), entry.failed(), entry.message());
		}

	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

}
