/**
 * The CRMs' own protocols: OAuth 2.0 client credentials sign-in, the Dynamics 365 Web API
 * (v9.2, OData) and the Salesforce REST API (v60.0, SOQL), behind one
 * {@link org.leadrelay.crm.client.CrmClient} interface. Internal to the CRM module.
 */
@NullMarked
package org.leadrelay.crm.client;

import org.jspecify.annotations.NullMarked;
