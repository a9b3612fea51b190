package org.leadrelay.referral.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.referral.registration.DealRegistrations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deal registration through the Referrals API: the reference's
 * {@code CreateDealRegistrationByReferralId} ({@code PATCH /referrals/{id}/}, as stock
 * clients call it), and the same patch sent to the referral itself. The registration is
 * read back in the referral's {@code registrations} and {@code registrationStatus}.
 */
@RestController
@RequestMapping("/v1.0/engagements/referrals")
@Tag(name = "Referrals")
class RegistrationsApi {

	private final DealRegistrations registrations;

	private final ReferralSearch search;

	private final ReferralJsonMapper mapper;

	RegistrationsApi(DealRegistrations registrations, ReferralSearch search, ReferralJsonMapper mapper) {
		this.registrations = registrations;
		this.search = search;
		this.mapper = mapper;
	}

	@PatchMapping(path = "/{id}/", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/json-patch+json" })
	@Operation(summary = "Register a won deal with the vendor (72 hours or more after it was created): "
			+ "[{\"op\": \"add\", \"path\": \"/registrations/-\", \"value\": {\"solutionDetails\": [{\"id\": "
			+ "\"<product>\"}], \"contract\": {\"value\": 1000, \"currency\": \"EUR\"}}}]")
	ResponseEntity<ReferralJson> create(Caller caller, @PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		if (!RegistrationPatch.isRegistration(patch)) {
			throw DomainException.invalid("path", "This operation registers a deal: add /registrations/-");
		}
		return register(caller, ReferralsController.referralId(id), patch, ifMatch);
	}

	/** Registers the caller's deal and answers the deal as it reads now. */
	ResponseEntity<ReferralJson> register(Caller caller, ReferralId id, JsonNode patch, @Nullable String ifMatch) {
		RegistrationPatch registration = RegistrationPatch.parse(patch);
		Integer expected = ETags.expectedVersion(ifMatch);
		int version = this.registrations.ownDeal(caller, id).version();
		if (expected != null && expected != version) {
			throw new DomainException(ErrorCode.PRECONDITION_FAILED, "Referral " + id + " is at version " + version
					+ ", not " + expected + "; read it again before registering it", null);
		}
		this.registrations.register(caller, id, registration.products(), registration.value(), Source.API);
		ViewedReferral viewed = this.search.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(viewed.referral())).body(this.mapper.toJson(viewed));
	}

}
