-- An in-app notification's title is written in its reader's language when it is shown: it
-- keeps whom its notice spoke to and the words that notice filled in (customer, location,
-- partner, sender, minutes left). Rows from before have neither and show the title they
-- were stored with, in the language of that time.
alter table notification add column audience varchar(10);
alter table notification add column arguments text[];
