package org.leadrelay.partner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.VendorCatalogue;
import org.leadrelay.shared.Caller;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's catalogue of industries, products and services that profiles take their
 * tags from: everyone in the program reads it, the vendor replaces it.
 */
@RestController
@RequestMapping("/v1.0/catalogue")
@Tag(name = "Business profiles")
class CatalogueController {

	private final Catalogue catalogue;

	CatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "The program's catalogue: industries, products, services")
	VendorCatalogue get(Caller caller) {
		return this.catalogue.of(caller);
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace the catalogue (vendor clients)")
	VendorCatalogue replace(Caller caller, @RequestBody VendorCatalogue catalogue) {
		return this.catalogue.replace(caller, catalogue);
	}

}
