-- Co-sell deals sync their sales stage (issue 17): each connection's field mapping names the
-- CRM's open stage for each stage of a deal. Existing connections get the defaults of their
-- CRM (DealStageMapping.defaults): Dynamics 365's salesstage choices 0 Qualify, 1 Develop,
-- 2 Propose, 3 Close; Salesforce's standard stage names.
update crm_connection
   set field_mapping = field_mapping || jsonb_build_object('dealStages', case kind
       when 'DYNAMICS_365' then jsonb_build_object('field', 'salesstage', 'accepted', '0', 'qualified', '0',
                                                   'developed', '1', 'proposed', '2', 'negotiated', '3')
       else jsonb_build_object('field', null, 'accepted', 'Prospecting', 'qualified', 'Qualification',
                               'developed', 'Needs Analysis', 'proposed', 'Proposal/Price Quote',
                               'negotiated', 'Negotiation/Review')
       end)
 where field_mapping -> 'dealStages' is null or field_mapping -> 'dealStages' = 'null'::jsonb;
