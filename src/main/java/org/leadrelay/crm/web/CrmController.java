package org.leadrelay.crm.web;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.ConnectionTest;
import org.leadrelay.crm.CrmConnection;
import org.leadrelay.crm.CrmConnections;
import org.leadrelay.crm.CrmKind;
import org.leadrelay.crm.FieldMapping;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CRM page of a partner's Referrals admins: connect Dynamics 365 or Salesforce, or,
 * once connected, test the connection, change the field mapping, read the sync log and
 * disconnect.
 */
@Controller
@RequestMapping("/crm")
class CrmController {

	private static final int LOG_ENTRIES = 50;

	private final CrmConnections connections;

	CrmController(CrmConnections connections) {
		this.connections = connections;
	}

	@GetMapping
	String page(Caller caller, @RequestParam(defaultValue = "dynamics365") String kind, Model model) {
		Optional<CrmConnection> connection = this.connections.find(caller);
		if (connection.isPresent()) {
			return connected(caller, connection.get(), connection.get().fieldMapping(), null, model);
		}
		return connectPage(ConnectForm.empty(CrmKind.named(kind).orElse(CrmKind.DYNAMICS_365)), model);
	}

	@PostMapping
	String connect(Caller caller, @Valid @ModelAttribute("form") ConnectForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				this.connections.connect(caller, form.request());
				redirect.addFlashAttribute("done", "crm.done.connected");
				return "redirect:/crm";
			}
			catch (DomainException ex) {
				if (ex.code() == ErrorCode.CONFLICT) {
					// the organization connected meanwhile, perhaps in another tab
					binding.reject("crm.refused.connected");
				}
				else {
					FormErrors.reject(binding, ex, ConnectForm::field);
				}
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return connectPage(form, model);
	}

	@PostMapping("/{id}/test")
	String test(Caller caller, @PathVariable String id, Model model) {
		UUID connection = connectionId(id);
		ConnectionTest test = this.connections.test(caller, connection);
		CrmConnection tested = this.connections.get(caller, connection);
		return connected(caller, tested, tested.fieldMapping(), test, model);
	}

	@PostMapping("/{id}/field-mapping")
	String changeFieldMapping(Caller caller, @PathVariable String id, @ModelAttribute("mapping") FieldMapping mapping,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		UUID connection = connectionId(id);
		try {
			this.connections.changeFieldMapping(caller, connection, mapping);
			redirect.addFlashAttribute("done", "crm.done.mappingChanged");
			return "redirect:/crm";
		}
		catch (DomainException ex) {
			if (ex.code() != ErrorCode.INVALID_REQUEST) {
				throw ex;
			}
			FormErrors.reject(binding, ex, target -> target.startsWith("fieldMapping/")
					? target.substring("fieldMapping/".length()).replace('/', '.') : null);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return connected(caller, this.connections.get(caller, connection), mapping, null, model);
	}

	@PostMapping("/{id}/delete")
	String disconnect(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
		this.connections.delete(caller, connectionId(id));
		redirect.addFlashAttribute("done", "crm.done.disconnected");
		return "redirect:/crm";
	}

	private String connected(Caller caller, CrmConnection connection, FieldMapping mapping,
			@Nullable ConnectionTest test, Model model) {
		model.addAttribute("connection", connection);
		model.addAttribute("mapping", mapping);
		model.addAttribute("defaults", FieldMapping.defaults(connection.kind()));
		model.addAttribute("test", test);
		model.addAttribute("log", this.connections.log(caller, connection.id(), LOG_ENTRIES));
		return "crm/connection";
	}

	/**
	 * The connect form; the client secret typed is never shown again, even when refused.
	 */
	private String connectPage(ConnectForm form, Model model) {
		CrmKind kind = CrmKind.named(form.kind() == null ? "" : form.kind()).orElse(CrmKind.DYNAMICS_365);
		model.addAttribute("form", form);
		model.addAttribute("kind", kind);
		model.addAttribute("defaults", FieldMapping.defaults(kind));
		model.addAttribute("kinds", CrmKind.values());
		return "crm/connect";
	}

	private static UUID connectionId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("CRM connection not found");
		}
	}

}
