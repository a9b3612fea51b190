package org.leadrelay.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's entry point: finds organizations and locations, and registers new ones.
 */
@Service
public class Organizations {

	private final OrganizationRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Organizations are never renamed or deleted yet, so a read-through cache is always
	 * right.
	 */
	private final Map<OrganizationId, Organization> cache = new ConcurrentHashMap<>();

	Organizations(OrganizationRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	public Optional<Organization> find(OrganizationId id) {
		Organization cached = this.cache.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Organization> found = this.repository.find(id);
		found.ifPresent(organization -> this.cache.put(id, organization));
		return found;
	}

	public String nameOf(OrganizationId id) {
		return find(id).map(Organization::name).orElseThrow(() -> new IllegalStateException("No organization " + id));
	}

	public Optional<Location> findLocation(LocationId id) {
		return this.repository.findLocation(id);
	}

	/** The current ones of these locations, by id, in one query. */
	public Map<LocationId, Location> findLocations(Collection<LocationId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.repository.findLocationsById(ids)
			.stream()
			.collect(Collectors.toMap(Location::id, Function.identity(), (first, second) -> first));
	}

	public boolean isEmpty() {
		return this.repository.isEmpty();
	}

	/**
	 * The organizations a caller may address, with their locations: for the vendor itself
	 * and its partners, for a partner only itself.
	 */
	public List<OrganizationWithLocations> visibleTo(Caller caller) {
		Organization own = find(caller.organizationId())
			.orElseThrow(() -> DomainException.notFound("Organization not found"));
		List<Organization> organizations = new ArrayList<>();
		organizations.add(own);
		if (caller.isVendor()) {
			organizations.addAll(this.repository.findPartnersOf(own.id()));
		}
		return withLocations(organizations);
	}

	/**
	 * The other partners of a partner's program, with their locations: whom a partner may
	 * invite to a deal.
	 */
	public List<OrganizationWithLocations> otherPartnersOf(OrganizationId partner) {
		OrganizationId vendor = find(partner).map(Organization::vendorId).orElse(null);
		if (vendor == null) {
			return List.of();
		}
		List<Organization> others = this.repository.findPartnersOf(vendor)
			.stream()
			.filter(organization -> !organization.id().equals(partner))
			.toList();
		return withLocations(others);
	}

	private List<OrganizationWithLocations> withLocations(List<Organization> organizations) {
		Map<OrganizationId, List<Location>> locations = this.repository
			.findLocations(organizations.stream().map(Organization::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Location::organizationId));
		return organizations.stream()
			.map(organization -> new OrganizationWithLocations(organization,
					locations.getOrDefault(organization.id(), List.of())))
			.toList();
	}

	@Transactional
	public Organization registerVendor(String name) {
		return register(name, OrganizationKind.VENDOR, null);
	}

	@Transactional
	public Organization registerPartner(OrganizationId vendorId, String name) {
		return register(name, OrganizationKind.PARTNER, vendorId);
	}

	@Transactional
	public Location addLocation(OrganizationId partnerId, String name, String city, String country,
			List<String> alertEmails) {
		Location location = new Location(new LocationId(Ids.newId(this.clock)), partnerId, name, city, country,
				alertEmails, null, null, null);
		this.repository.insertLocation(location, this.clock.instant());
		this.events.publishEvent(new PartnerLocationsChanged(partnerId));
		return location;
	}

	/** Adds a location with a street address and phone (profiles and demo data). */
	public Location addLocation(OrganizationId partnerId, LocationDetails details) {
		Instant now = this.clock.instant();
		Location location = new Location(new LocationId(Ids.newId(now)), partnerId, details.name(), details.city(),
				details.country(), details.alertEmails(), details.addressLine(), details.postalCode(), details.phone());
		this.repository.insertLocation(location, now);
		this.events.publishEvent(new PartnerLocationsChanged(partnerId));
		return location;
	}

	/** Removes a current location; its referrals keep pointing at it. */
	boolean removeLocation(OrganizationId partnerId, LocationId id, Instant removedAt) {
		boolean removed = this.repository.removeLocation(partnerId, id, removedAt);
		if (removed) {
			this.events.publishEvent(new PartnerLocationsChanged(partnerId));
		}
		return removed;
	}

	private Organization register(String name, OrganizationKind kind, @Nullable OrganizationId vendorId) {
		Organization organization = new Organization(new OrganizationId(Ids.newId(this.clock)), name, kind, vendorId);
		this.repository.insert(organization, this.clock.instant());
		return organization;
	}

	/** An organization with the locations it has now. */
	public record OrganizationWithLocations(Organization organization, List<Location> locations) {
	}

}
