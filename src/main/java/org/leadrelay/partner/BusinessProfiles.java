package org.leadrelay.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.ProfileRepository.StoredProfile;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business profiles: a partner's Business profile admins and Referrals admins (and its
 * API clients) keep one per region, with its locations and logo; the vendor reads its
 * partners' profiles; the marketplace reads any. Every change publishes a
 * {@link BusinessProfileChanged}.
 */
@Service
@Transactional
public class BusinessProfiles {

	public static final int MAX_LOCATIONS_PER_REGION = 5;

	private final ProfileRepository profiles;

	private final OrganizationRepository locations;

	private final Organizations organizations;

	private final Catalogue catalogue;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BusinessProfiles(ProfileRepository profiles, OrganizationRepository locations, Organizations organizations,
			Catalogue catalogue, ApplicationEventPublisher events, Clock clock) {
		this.profiles = profiles;
		this.locations = locations;
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	/** A partner's own profiles; for the vendor, those of all its partners. */
	@Transactional(readOnly = true)
	public List<BusinessProfile> list(Caller caller) {
		return withLocations(caller.isVendor() ? this.profiles.findByVendor(caller.organizationId())
				: this.profiles.findByOrganization(caller.organizationId()));
	}

	/** One profile the caller may see; another organization's is not found. */
	@Transactional(readOnly = true)
	public BusinessProfile get(Caller caller, ProfileId id) {
		StoredProfile profile = this.profiles.find(id)
			.filter(found -> found.organizationId().equals(caller.organizationId()) || caller.isVendor()
					&& caller.organizationId().equals(organization(found.organizationId()).vendorId()))
			.orElseThrow(() -> notFound(id));
		return withLocations(profile);
	}

	public BusinessProfile create(Caller caller, Region region, ProfileDetails details) {
		requireEditor(caller);
		return create(caller.organizationId(), region, inCatalogue(caller.organizationId(), details));
	}

	/**
	 * Creates a partner's profile for a region without a caller (demo data; callers go
	 * through the above).
	 */
	public BusinessProfile create(OrganizationId partner, Region region, ProfileDetails details) {
		if (!organization(partner).isPartner()) {
			throw DomainException.accessDenied("Only partners have business profiles");
		}
		if (this.profiles.exists(partner, region)) {
			throw alreadyThere(region);
		}
		Instant now = this.clock.instant();
		StoredProfile profile = new StoredProfile(new ProfileId(Ids.newId(now)), partner, region, 1, details, false,
				now);
		try {
			this.profiles.insert(profile, now);
		}
		catch (DuplicateKeyException ex) {
			throw alreadyThere(region);
		}
		changed(profile, profile.version(), now);
		return withLocations(profile);
	}

	/**
	 * Changes a profile's details.
	 * @param expectedVersion the version the change was made on, if the caller knows it
	 */
	public BusinessProfile update(Caller caller, ProfileId id, ProfileChanges changes,
			@Nullable Integer expectedVersion) {
		requireEditor(caller);
		StoredProfile profile = editable(caller, id);
		if (expectedVersion != null && expectedVersion != profile.version()) {
			throw new DomainException(ErrorCode.PRECONDITION_FAILED, "The profile is at version " + profile.version()
					+ ", not " + expectedVersion + "; read it again before changing it", null);
		}
		ProfileDetails details = changes.applyTo(profile.details());
		for (CatalogueKind kind : CatalogueKind.values()) {
			if (changes.of(kind) != null) {
				details = withCatalogueSpelling(details, kind, this.catalogue.of(vendorOf(profile)));
			}
		}
		Instant now = this.clock.instant();
		int version = this.profiles.update(profile, details, now)
			.orElseThrow(() -> new DomainException(ErrorCode.RESOURCE_MODIFIED,
					"Someone else changed the profile meanwhile; read it again", null));
		StoredProfile updated = new StoredProfile(profile.id(), profile.organizationId(), profile.region(), version,
				details, profile.hasLogo(), now);
		changed(updated, version, now);
		return withLocations(updated);
	}

	/**
	 * Adds a location in the profile's region, up to {@value #MAX_LOCATIONS_PER_REGION}.
	 */
	public BusinessProfile addLocation(Caller caller, ProfileId id, LocationDetails details) {
		requireEditor(caller);
		StoredProfile profile = editable(caller, id);
		if (details.region() != profile.region()) {
			throw DomainException.invalid("country", "A location in " + details.country() + " belongs to the "
					+ details.region() + " region; this profile is for " + profile.region());
		}
		Instant now = this.clock.instant();
		int version = this.profiles.touch(profile, now);
		if (currentLocations(profile).size() >= MAX_LOCATIONS_PER_REGION) {
			throw DomainException.conflict("A profile has at most " + MAX_LOCATIONS_PER_REGION
					+ " locations; remove one before adding another");
		}
		this.organizations.addLocation(profile.organizationId(), details);
		return changed(profile, version, now);
	}

	/**
	 * Removes one of the profile's locations. Its leads stay with the partner, and new
	 * leads can no longer be sent to it.
	 */
	public BusinessProfile removeLocation(Caller caller, ProfileId id, LocationId locationId) {
		requireEditor(caller);
		StoredProfile profile = editable(caller, id);
		if (currentLocations(profile).stream().noneMatch(location -> location.id().equals(locationId))) {
			throw DomainException.notFound("Location " + locationId + " not found in this profile");
		}
		Instant now = this.clock.instant();
		int version = this.profiles.touch(profile, now);
		this.organizations.removeLocation(profile.organizationId(), locationId, now);
		return changed(profile, version, now);
	}

	/** Replaces the profile's logo with one checked by {@link Logo#read}. */
	public BusinessProfile setLogo(Caller caller, ProfileId id, Logo logo) {
		requireEditor(caller);
		StoredProfile profile = editable(caller, id);
		Instant now = this.clock.instant();
		this.profiles.saveLogo(profile, logo, now);
		int version = this.profiles.touch(profile, now);
		return changed(profile, version, now);
	}

	/** Any profile by id, for the public marketplace. */
	@Transactional(readOnly = true)
	public Optional<BusinessProfile> find(ProfileId id) {
		return this.profiles.find(id).map(this::withLocations);
	}

	/**
	 * Every profile, in pages by id (to rebuild what is derived from them).
	 * @param after the last profile of the previous page; null for the first page
	 */
	@Transactional(readOnly = true)
	public List<BusinessProfile> page(@Nullable ProfileId after, int size) {
		return withLocations(this.profiles.page(after, size));
	}

	@Transactional(readOnly = true)
	public Optional<Logo> logo(ProfileId id) {
		return this.profiles.findLogo(id);
	}

	private StoredProfile editable(Caller caller, ProfileId id) {
		return this.profiles.find(caller.organizationId(), id).orElseThrow(() -> notFound(id));
	}

	private ProfileDetails inCatalogue(OrganizationId partner, ProfileDetails details) {
		VendorCatalogue catalogue = this.catalogue.of(vendorOf(partner));
		for (CatalogueKind kind : CatalogueKind.values()) {
			details = withCatalogueSpelling(details, kind, catalogue);
		}
		return details;
	}

	/**
	 * The details with the tags of one kind spelled as the catalogue spells them; a tag
	 * the catalogue does not have is refused.
	 */
	private static ProfileDetails withCatalogueSpelling(ProfileDetails details, CatalogueKind kind,
			VendorCatalogue catalogue) {
		List<String> offered = catalogue.of(kind);
		List<String> tags = new ArrayList<>();
		String target = switch (kind) {
			case INDUSTRY -> "industries";
			case PRODUCT -> "products";
			case SERVICE -> "services";
		};
		for (String tag : details.expertise().of(kind)) {
			tags.add(offered.stream()
				.filter(entry -> entry.equalsIgnoreCase(tag))
				.findFirst()
				.orElseThrow(() -> DomainException.invalid(target, "'" + tag + "' is not among the vendor's " + target
						+ "; choose from: " + String.join(", ", offered))));
		}
		Expertise expertise = details.expertise();
		Expertise spelled = new Expertise(kind == CatalogueKind.INDUSTRY ? tags : expertise.industries(),
				kind == CatalogueKind.PRODUCT ? tags : expertise.products(),
				kind == CatalogueKind.SERVICE ? tags : expertise.services(), expertise.solutions());
		return new ProfileDetails(details.name(), details.description(), details.website(), details.linkedIn(), spelled,
				details.customerSizes());
	}

	private List<Location> currentLocations(StoredProfile profile) {
		return this.locations.findLocations(List.of(profile.organizationId()))
			.stream()
			.filter(location -> location.region() == profile.region())
			.toList();
	}

	private BusinessProfile changed(StoredProfile profile, int version, Instant now) {
		this.events.publishEvent(new BusinessProfileChanged(profile.id(), profile.organizationId(), version, now));
		return withLocations(this.profiles.find(profile.organizationId(), profile.id()).orElseThrow());
	}

	private BusinessProfile withLocations(StoredProfile profile) {
		return withLocations(List.of(profile)).get(0);
	}

	private List<BusinessProfile> withLocations(List<StoredProfile> stored) {
		Map<OrganizationId, List<Location>> byOrganization = this.locations
			.findLocations(stored.stream().map(StoredProfile::organizationId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(Location::organizationId));
		return stored.stream().map(profile -> {
			Organization partner = organization(profile.organizationId());
			List<Location> inRegion = byOrganization.getOrDefault(profile.organizationId(), List.of())
				.stream()
				.filter(location -> location.region() == profile.region())
				.toList();
			return new BusinessProfile(profile.id(), profile.organizationId(), vendorOf(profile), partner.name(),
					profile.region(), profile.version(), profile.details(), profile.hasLogo(), inRegion,
					profile.updatedAt());
		}).toList();
	}

	private OrganizationId vendorOf(StoredProfile profile) {
		return vendorOf(profile.organizationId());
	}

	private OrganizationId vendorOf(OrganizationId partner) {
		OrganizationId vendor = organization(partner).vendorId();
		if (vendor == null) {
			throw new IllegalStateException("Organization " + partner + " is no partner");
		}
		return vendor;
	}

	private Organization organization(OrganizationId id) {
		return this.organizations.find(id).orElseThrow(() -> DomainException.notFound("Organization not found"));
	}

	private static void requireEditor(Caller caller) {
		if (!caller.isPartner()
				|| !(caller.hasRole(Role.BUSINESS_PROFILE_ADMIN) || caller.hasRole(Role.REFERRALS_ADMIN))) {
			throw DomainException
				.accessDenied("A partner's Business profile admins and Referrals admins edit its business profiles");
		}
	}

	private static DomainException alreadyThere(Region region) {
		return DomainException.conflict("There is a business profile for " + region + " already; change that one");
	}

	private static DomainException notFound(ProfileId id) {
		return DomainException.notFound("Business profile " + id + " not found");
	}

}
