package org.leadrelay.referral.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.imports.LeadImportRepository.PendingRow;
import org.leadrelay.shared.Caller;
import org.leadrelay.referral.web.NewLeadForm;
import org.leadrelay.shared.DomainException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Reads one CSV row as the vendor's lead form: the same conversions, the same validation
 * and the same checks of the domain, with the same messages, as a lead sent through the
 * form. Its errors name the form field, which is also the CSV column.
 */
@Component
class LeadRowBinder {

	private final ConversionService conversions;

	private final SpringValidatorAdapter validator;

	private final Organizations organizations;

	LeadRowBinder(@Qualifier("mvcConversionService") ConversionService conversions, Validator validator,
			Organizations organizations) {
		this.conversions = new RowConversions(conversions);
		this.validator = new SpringValidatorAdapter(validator);
		this.organizations = organizations;
	}

	/**
	 * The row as a lead that may be sent, or the reasons it is not one.
	 * @param cells the row's cells by column, blank ones left out
	 */
	BoundRow bind(Allowed allowed, Map<String, String> cells) {
		DataBinder binder = new DataBinder(null, "form");
		binder.setTargetType(ResolvableType.forClass(NewLeadForm.class));
		binder.setConversionService(this.conversions);
		binder.setValidator(this.validator);
		binder.construct(new DataBinder.ValueResolver() {

			@Override
			public @Nullable Object resolveValue(String name, Class<?> type) {
				return RowConversions.cell(cells.get(name), type);
			}

			@Override
			public Set<String> getNames() {
				return cells.keySet();
			}

		});
		binder.validate();
		BindingResult binding = binder.getBindingResult();
		if (binding.hasErrors() || !(binder.getTarget() instanceof NewLeadForm form)) {
			return new BoundRow(null, null, binding);
		}
		return lead(allowed, form, binding);
	}

	/**
	 * A form that a row was bound to and validated as before, as a lead that may be sent
	 * now: the caller's choices and the domain's rules may have changed since.
	 */
	BoundRow bound(Allowed allowed, NewLeadForm form) {
		return lead(allowed, form, new DirectFieldBindingResult(form, "form"));
	}

	private static BoundRow lead(Allowed allowed, NewLeadForm form, BindingResult binding) {
		if (!allowed.locations().contains(form.location())) {
			binding.rejectValue(LeadCsv.LOCATION, "leadImport.unknownLocation");
		}
		if (!allowed.qualifications().contains(form.qualification())) {
			binding.rejectValue("qualification", "lead.new.qualificationNotYours");
		}
		if (binding.hasErrors()) {
			return new BoundRow(form, null, binding);
		}
		try {
			return new BoundRow(form, form.toNewReferral(), binding);
		}
		catch (DomainException ex) {
			FormErrors.reject(binding, ex, NewLeadForm::field);
			return new BoundRow(form, null, binding);
		}
	}

	/**
	 * What the form offers the caller as choices, as far as these rows need to know:
	 * which of the locations they name are of the caller's partners (looked up for those
	 * locations only, where a program may have 100,000), and the kinds of lead the caller
	 * sends.
	 */
	Allowed allowedFor(Caller caller, List<PendingRow> rows) {
		Set<LocationId> named = rows.stream()
			.map(LeadRowBinder::namedLocation)
			.flatMap(Optional::stream)
			.collect(Collectors.toSet());
		Set<UUID> partners = this.organizations.findLocations(named)
			.values()
			.stream()
			.filter(location -> this.organizations.find(location.organizationId())
				.filter(organization -> organization.isPartner()
						&& caller.organizationId().equals(organization.vendorId()))
				.isPresent())
			.map(location -> location.id().value())
			.collect(Collectors.toUnmodifiableSet());
		return new Allowed(partners, NewLeadForm.qualifications(caller));
	}

	/** The location a row names, if it names one at all. */
	private static Optional<LocationId> namedLocation(PendingRow row) {
		if (row.form() != null) {
			return Optional.ofNullable(row.form().location()).map(LocationId::new);
		}
		String cell = row.cells().get(LeadCsv.LOCATION);
		try {
			return (cell == null) ? Optional.empty() : Optional.of(new LocationId(UUID.fromString(cell.strip())));
		}
		catch (IllegalArgumentException ex) {
			// not an id: the binding reports it
			return Optional.empty();
		}
	}

	record Allowed(Set<UUID> locations, List<Qualification> qualifications) {

	}

	/**
	 * @param form the form the row was bound to, or null when its cells do not make one
	 * @param lead the lead to send, or null when the row has errors
	 */
	record BoundRow(@Nullable NewLeadForm form, @Nullable NewReferral lead, BindingResult binding) {

	}

}
