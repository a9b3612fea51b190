package org.leadrelay.referral.api;

import org.leadrelay.referral.TimelineEntry;
import org.leadrelay.referral.Direction;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.IdempotencyKeys;
import org.leadrelay.platform.IdempotencyKeys.StoredResponse;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralPage;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Referrals API, compatible with the vendor's reference: create, list with OData
 * options, get with an ETag, change with JSON Patch, and replace with PUT.
 */
@RestController
@RequestMapping("/v1.0/engagements/referrals")
@Tag(name = "Referrals")
class ReferralsController {

	private static final String PREFER_REPRESENTATION = "return=representation";

	private final ReferralManagement management;

	private final ReferralSearch search;

	private final ReferralJsonMapper mapper;

	private final IdempotencyKeys idempotencyKeys;

	private final JsonMapper json;

	private final NewDealMapper deals;

	private final RegistrationsApi registrations;

	ReferralsController(ReferralManagement management, ReferralSearch search, ReferralJsonMapper mapper,
			IdempotencyKeys idempotencyKeys, JsonMapper json, NewDealMapper deals, RegistrationsApi registrations) {
		this.registrations = registrations;
		this.management = management;
		this.search = search;
		this.mapper = mapper;
		this.idempotencyKeys = idempotencyKeys;
		this.json = json;
		this.deals = deals;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a marketing- or sales-qualified referral to a partner location (vendor clients), "
			+ "or create a deal (partner clients): Independent (partner-led or private), or Shared to invite "
			+ "the vendor (co-sell) or another partner's location")
	ResponseEntity<String> create(Caller caller, @RequestBody ReferralRequest request, @Parameter(
			description = "Makes retries safe: the same key and body answer the first result again") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		StoredResponse response;
		if (idempotencyKey == null) {
			response = send(caller, request);
		}
		else {
			response = this.idempotencyKeys.execute(caller.organizationId(), idempotencyKey,
					this.json.writeValueAsString(request), () -> send(caller, request));
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.location(location(response.resourceId()));
		if (response.replayed()) {
			builder.header("Idempotent-Replayed", "true");
		}
		return builder.body(response.body());
	}

	@GetMapping
	@Operation(summary = "List referrals with OData $filter, $orderby, $top, $skip or $skiptoken, $count and $select")
	ReferralListJson list(Caller caller, @RequestParam Map<String, String> parameters) {
		ReferralQuery query = ODataQueryOptions.parse(parameters);
		Selection selection = Selection.parse(parameters.get("$select"));
		ReferralPage page = this.search.list(caller, query);
		String nextLink = page.next() == null ? null
				: ServletUriComponentsBuilder.fromCurrentRequest()
					.replaceQueryParam("$skip")
					.replaceQueryParam("$skiptoken", SkipToken.encode(page.next(), query.sort()))
					// the query string is already encoded as the client sent it; the
					// token is URL-safe
					.build(true)
					.toUriString();
		return new ReferralListJson(selection.apply(this.mapper.toJson(page.items()), this.json), page.total(),
				nextLink);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one referral; its ETag header goes into If-Match of a later PATCH or PUT")
	ResponseEntity<Object> get(Caller caller, @PathVariable String id,
			@Parameter(description = "Top-level properties to return, such as id,name,status") @RequestParam(
					name = "$select", required = false) @Nullable String select,
			@Parameter(description = "Accepted and ignored: every navigation is inline") @RequestParam(name = "$expand",
					required = false) @Nullable String expand) {
		Selection selection = Selection.parse(select);
		ViewedReferral referral = this.search.get(caller, referralId(id));
		return ResponseEntity.ok()
			.eTag(ETags.of(referral.referral()))
			.body(selection.apply(this.mapper.toJson(referral), this.json));
	}

	@GetMapping("/{id}/audit")
	@Operation(summary = "The referral's timeline: every change, who made it, when and through which channel")
	TimelineJson audit(Caller caller, @PathVariable String id) {
		return TimelineJson.of(this.search.timeline(caller, referralId(id)));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/json-patch+json" })
	@Operation(
			summary = "Change a referral with a JSON Patch: accept, decline, edit, add team members, win or lose; add /registrations/- registers a won deal with the vendor")
	ResponseEntity<ReferralJson> patch(Caller caller, @PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Prefer", required = false) @Nullable String prefer) {
		ReferralId referralId = referralId(id);
		if (RegistrationPatch.isRegistration(patch)) {
			ResponseEntity<ReferralJson> registered = this.registrations.register(caller, referralId, patch, ifMatch);
			return prefer != null && prefer.contains(PREFER_REPRESENTATION) ? registered
					: ResponseEntity.status(HttpStatus.NO_CONTENT).eTag(registered.getHeaders().getETag()).build();
		}
		Referral changed = this.management.change(caller, referralId, JsonPatchTranslator.translate(patch), Source.API,
				ETags.expectedVersion(ifMatch));
		if (prefer != null && prefer.contains(PREFER_REPRESENTATION)) {
			ViewedReferral viewed = this.search.get(caller, referralId);
			return ResponseEntity.ok()
				.eTag(ETags.of(viewed.referral()))
				.header("Preference-Applied", PREFER_REPRESENTATION)
				.body(this.mapper.toJson(viewed));
		}
		return ResponseEntity.status(HttpStatus.NO_CONTENT).eTag(ETags.of(changed)).build();
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a referral as a whole (If-Match required): what differs changes as a PATCH would")
	ResponseEntity<ReferralJson> replace(Caller caller, @PathVariable String id, @RequestBody ReferralRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new DomainException(ErrorCode.PRECONDITION_REQUIRED,
					"PUT replaces the whole referral, so If-Match must carry the ETag it was read at", "If-Match");
		}
		ReferralId referralId = referralId(id);
		this.management.replace(caller, referralId, current -> ReferralReplacement.changes(body, current), Source.API,
				ETags.expectedVersion(ifMatch));
		ViewedReferral viewed = this.search.get(caller, referralId);
		return ResponseEntity.ok().eTag(ETags.of(viewed.referral())).body(this.mapper.toJson(viewed));
	}

	private StoredResponse send(Caller caller, ReferralRequest request) {
		Referral referral = caller.isPartner()
				? this.management.createDeal(caller, this.deals.toNewDeal(caller, request), Source.API)
				: this.management.send(caller, NewReferralMapper.toNewReferral(request), Source.API);
		ReferralJson body = this.mapper.toJson(new ViewedReferral(referral, false, Direction.Outgoing));
		return new StoredResponse(HttpStatus.CREATED.value(), this.json.writeValueAsString(body), referral.id().value(),
				false);
	}

	private static @Nullable URI location(@Nullable UUID id) {
		return id == null ? null
				: ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/v1.0/engagements/referrals/{id}")
					.buildAndExpand(id)
					.toUri();
	}

	/**
	 * A malformed id cannot name any referral: it is not found, like another tenant's.
	 */
	static ReferralId referralId(String id) {
		UUID uuid = ApiValues.uuid(id);
		if (uuid == null) {
			throw DomainException.notFound("Referral " + ApiValues.abbreviate(id) + " not found");
		}
		return new ReferralId(uuid);
	}

	/** The audit trail of one referral. */
	record TimelineJson(List<EntryJson> value) {

		static TimelineJson of(List<TimelineEntry> entries) {
			return new TimelineJson(entries.stream()
				.map(entry -> new EntryJson(entry.id(), entry.occurredAt().toString(),
						new ActorJson(entry.actorId(), entry.actorName()), entry.source().name(), entry.action(),
						entry.changes()))
				.toList());
		}

		record EntryJson(long id, String occurredDateTime, ActorJson actor, String source, String action,
				Map<String, TimelineEntry.FieldChange> changes) {
		}

		record ActorJson(String id, String name) {
		}

	}

}
