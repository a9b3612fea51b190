package org.leadrelay.crm.web;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.CrmConnectionRequest;
import org.leadrelay.crm.CrmKind;
import org.leadrelay.crm.FieldMapping;

/**
 * The connect form: the CRM's addresses, the client credentials and the field mapping
 * (prefilled with the kind's defaults; without one, the defaults apply). The secret is
 * never rendered back.
 */
record ConnectForm(@NotBlank @Nullable String kind, @NotBlank @Size(max = 2000) @Nullable String instanceUrl,
		@NotBlank @Size(max = 2000) @Nullable String tokenUrl, @NotBlank @Size(max = 200) @Nullable String clientId,
		@NotBlank @Size(max = 1000) @Nullable String clientSecret, @Nullable FieldMapping mapping) {

	/** Domain targets and the fields of this form they name. */
	private static final Map<String, String> FIELDS = Map.of("kind", "kind", "instanceUrl", "instanceUrl", "tokenUrl",
			"tokenUrl", "clientId", "clientId", "clientSecret", "clientSecret");

	static ConnectForm empty(CrmKind kind) {
		return new ConnectForm(kind.apiName(), null, null, null, null, FieldMapping.defaults(kind));
	}

	CrmConnectionRequest request() {
		return new CrmConnectionRequest(this.kind, this.instanceUrl, this.tokenUrl, this.clientId, this.clientSecret,
				this.mapping);
	}

	static @Nullable String field(String target) {
		return target.startsWith("fieldMapping/")
				? "mapping." + target.substring("fieldMapping/".length()).replace('/', '.') : FIELDS.get(target);
	}

	@Override
	public String toString() {
		return "ConnectForm[kind=" + this.kind + ", instanceUrl=" + this.instanceUrl + ", clientSecret=***]";
	}

}
