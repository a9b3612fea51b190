package org.leadrelay.partner.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Logo;
import org.leadrelay.partner.ProfileId;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business profiles over the API, with the same tokens as referrals: a partner's clients
 * read and change its own profiles, the vendor's clients read its partners'.
 */
@RestController
@RequestMapping("/v1.0/profiles")
@Tag(name = "Business profiles")
class ProfilesController {

	private final BusinessProfiles profiles;

	private final PublicUrl publicUrl;

	ProfilesController(BusinessProfiles profiles, PublicUrl publicUrl) {
		this.profiles = profiles;
		this.publicUrl = publicUrl;
	}

	@GetMapping
	@Operation(summary = "The partner's business profiles (for the vendor: all its partners')")
	ProfileList list(Caller caller) {
		return new ProfileList(this.profiles.list(caller).stream().map(this::json).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One business profile, with an ETag for If-Match")
	ResponseEntity<ProfileJson> get(Caller caller, @PathVariable String id) {
		return answer(this.profiles.get(caller, profileId(id)));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create the partner's profile for a region (AMERICAS, EMEA or APAC)")
	ResponseEntity<ProfileJson> create(Caller caller, @RequestBody ProfileRequests.Create request) {
		BusinessProfile created = this.profiles.create(caller, request.region(), request.details());
		return ResponseEntity.created(URI.create(this.publicUrl.of("/v1.0/profiles/" + created.id())))
			.eTag(ProfileJson.eTag(created))
			.body(json(created));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change a profile: the fields sent replace the current ones; If-Match is honoured")
	ResponseEntity<ProfileJson> patch(Caller caller, @PathVariable String id,
			@RequestBody ProfileRequests.Patch request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.profiles.update(caller, profileId(id), request.changes(), expectedVersion(ifMatch)));
	}

	@PostMapping(path = "/{id}/locations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a location in the profile's region (at most 5)")
	ResponseEntity<ProfileJson> addLocation(Caller caller, @PathVariable String id,
			@RequestBody ProfileRequests.NewLocation request) {
		BusinessProfile profile = this.profiles.addLocation(caller, profileId(id), request.details());
		return ResponseEntity.status(201).eTag(ProfileJson.eTag(profile)).body(json(profile));
	}

	@DeleteMapping("/{id}/locations/{locationId}")
	@Operation(summary = "Remove a location; its leads stay. To change an address, remove it and add another")
	ResponseEntity<Void> removeLocation(Caller caller, @PathVariable String id, @PathVariable String locationId) {
		this.profiles.removeLocation(caller, profileId(id), new LocationId(uuid(locationId, "Location")));
		return ResponseEntity.noContent().build();
	}

	@PutMapping(path = "/{id}/logo",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE,
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Upload the logo: PNG, JPEG or GIF (checked by content), at most 300 px wide and 1 MB")
	ResponseEntity<ProfileJson> putLogo(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		try (InputStream body = request.getInputStream()) {
			return answer(this.profiles.setLogo(caller, profileId(id), Logo.read(body.readNBytes(Logo.MAX_BYTES + 1))));
		}
	}

	private ResponseEntity<ProfileJson> answer(BusinessProfile profile) {
		return ResponseEntity.ok().eTag(ProfileJson.eTag(profile)).body(json(profile));
	}

	private ProfileJson json(BusinessProfile profile) {
		return ProfileJson.of(profile, this.publicUrl);
	}

	private static ProfileId profileId(String id) {
		return new ProfileId(uuid(id, "Business profile"));
	}

	private static UUID uuid(String id, String what) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound(what + " " + id + " not found");
		}
	}

	/** The version an If-Match header names; null for none or {@code *}. */
	private static @Nullable Integer expectedVersion(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Integer.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			throw new DomainException(ErrorCode.PRECONDITION_FAILED,
					"If-Match " + ifMatch + " does not match the profile's current ETag", "If-Match");
		}
	}

	record ProfileList(List<ProfileJson> value) {
	}

}
