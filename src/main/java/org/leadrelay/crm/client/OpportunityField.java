package org.leadrelay.crm.client;

/** The parts of an opportunity that LeadRelay keeps in sync. */
public enum OpportunityField {

	NAME, AMOUNT, CURRENCY, CLOSE_DATE, DESCRIPTION, REFERENCE, SALES_STAGE, STAGE

}
