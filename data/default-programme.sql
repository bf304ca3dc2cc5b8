-- The default programme every new Tillit database starts with.
-- The UUIDs are fixed so that every municipality's default framework,
-- levels, formats and competencies are the same records, and files
-- exchanged between municipalities merge on them. Sets are stored as
-- sorted, space-separated tokens (see tillit-store.c).

INSERT INTO framework (uuid, created, modified, origin, name, version, language, active)
  VALUES ('a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Trust-based steering and leadership', 'SOU 2018:47', 'sv', 1);

INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('65a8fb21-bf82-5b23-973b-adb715ff0591', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '1', 'Citizen/User focus', 'Medborgarfokus', 'Services start from what citizens and users need and value, and users take part in shaping them.', 'Verksamheten utgår från vad medborgare och brukare behöver och värdesätter, och brukarna är med och formar den.', 0, 0);
INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('ae7f2466-fd09-51cf-a13a-86c8e9864c8d', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '2', 'Trust', 'Tillit', 'Steering rests on confidence in the competence and judgement of staff rather than on detailed control.', 'Styrningen vilar på förtroende för medarbetarnas kompetens och omdöme snarare än på detaljkontroll.', 1, 0);
INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('f62dd0ba-4f62-5bdf-9992-62d6135c56a1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '3', 'Delegation', 'Handlingsutrymme', 'Those who meet the user have the room to decide how a need is best met.', 'De som möter brukaren har utrymme att avgöra hur behovet bäst tillgodoses.', 2, 0);
INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('1cc9cb28-096e-532d-ab81-7e19e5543e1f', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '4', 'Collaboration', 'Helhetssyn', 'Units, professions and organisations work together so that the user meets one whole.', 'Enheter, yrkesgrupper och organisationer samverkar så att brukaren möter en helhet.', 3, 0);
INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('02082a07-3e89-5712-befe-29ef5da950c0', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '5', 'Support', 'Stöd', 'Managers and support functions are there to help the core work succeed.', 'Chefer och stödfunktioner finns till för att kärnverksamheten ska lyckas.', 4, 0);
INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('8bf1ced1-ac7b-5971-84bf-2d90ec20a966', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '6', 'Openness', 'Öppenhet', 'Information, doubts and mistakes are shared openly, and dialogue is welcome at every level.', 'Information, tvivel och misstag delas öppet, och dialog är välkommen på alla nivåer.', 5, 0);
INSERT INTO principle (uuid, created, modified, origin, framework, code, name_en, name_sv, description_en, description_sv, position, retired)
  VALUES ('9c71d67d-0986-5b4b-a7aa-de4f6fd400cb', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', '7', 'Learning', 'Kunskap', 'Decisions draw on research, professional experience and users'' knowledge, and the organisation keeps learning.', 'Beslut bygger på forskning, yrkeserfarenhet och brukarnas kunskap, och organisationen lär sig fortlöpande.', 6, 0);

INSERT INTO level (uuid, created, modified, origin, framework, name_en, name_sv, position, hidden)
  VALUES ('7a4bcc47-949e-54d6-a0e9-dedb2262b992', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', 'Politicians', 'Politiker', 0, 0);
INSERT INTO level (uuid, created, modified, origin, framework, name_en, name_sv, position, hidden)
  VALUES ('f4755fb2-7006-5315-b83c-db92ab9b9854', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', 'Senior managers', 'Högre chefer', 1, 0);
INSERT INTO level (uuid, created, modified, origin, framework, name_en, name_sv, position, hidden)
  VALUES ('407796f4-d175-561f-a6b4-f4807c294d60', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', 'First-line managers', 'Första linjens chefer', 2, 0);
INSERT INTO level (uuid, created, modified, origin, framework, name_en, name_sv, position, hidden)
  VALUES ('e97c73e8-70c4-5596-814e-157239bf2ca2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', 'Staff', 'Medarbetare', 3, 0);
INSERT INTO level (uuid, created, modified, origin, framework, name_en, name_sv, position, hidden)
  VALUES ('7b938848-315e-5eaf-b87c-1e8f4ad025f4', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d', 'Citizens and users', 'Medborgare och brukare', 4, 0);

INSERT INTO agenda_format (uuid, created, modified, origin, name_en, name_sv, dialogue, colour, position)
  VALUES ('24bbf12b-1c8b-5bed-b084-bd8379c13f79', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Information', 'Information', 0, '#3584e4', 0);
INSERT INTO agenda_format (uuid, created, modified, origin, name_en, name_sv, dialogue, colour, position)
  VALUES ('568f56ac-1764-5c21-89f8-51c638273de1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Reflective dialogue', 'Reflekterande dialog', 1, '#2ec27e', 1);
INSERT INTO agenda_format (uuid, created, modified, origin, name_en, name_sv, dialogue, colour, position)
  VALUES ('ac487d0b-3222-5eac-8a23-1a442ddf8d30', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Sensemaking workshop', 'Meningsskapande workshop', 1, '#9141ac', 2);
INSERT INTO agenda_format (uuid, created, modified, origin, name_en, name_sv, dialogue, colour, position)
  VALUES ('24d2201b-b9e5-5668-bfd4-13f5c7f03ce0', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Pilot showcase', 'Pilotvisning', 0, '#e66100', 3);
INSERT INTO agenda_format (uuid, created, modified, origin, name_en, name_sv, dialogue, colour, position)
  VALUES ('05a07524-b028-51ce-b0e6-1272ccd866e3', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Break', 'Paus', 0, '#9a9996', 4);

INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('cb5625a6-639b-5edb-8724-e036348f46d4', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Dialogue', 'Dialog', 'Leads through conversation: listens, asks and lets staff and users shape the answer.', 'Leder genom samtal: lyssnar, frågar och låter medarbetare och brukare forma svaret.', 'leadership', '65a8fb21-bf82-5b23-973b-adb715ff0591 8bf1ced1-ac7b-5971-84bf-2d90ec20a966', 'dialogue, listening, conversation', 'dialog, lyssnande, samtal', 0);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('1db307dc-c9f5-5cb4-8bb3-78367e6d6799', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Trust-based approach', 'Tillitsbaserat förhållningssätt', 'Gives staff room to act on their professional judgement and follows up through dialogue rather than control.', 'Ger medarbetarna utrymme att agera på sitt professionella omdöme och följer upp genom dialog snarare än kontroll.', 'leadership', 'ae7f2466-fd09-51cf-a13a-86c8e9864c8d f62dd0ba-4f62-5bdf-9992-62d6135c56a1', 'trust, delegation, autonomy', 'tillit, delegering, handlingsutrymme', 1);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('0c9e3f10-f569-565f-8c92-91856f3302fa', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Asset-based (salutogenic) approach', 'Salutogent förhållningssätt', 'Builds on what works and on the strengths of staff and users.', 'Bygger på det som fungerar och på medarbetarnas och brukarnas styrkor.', 'leadership', '02082a07-3e89-5712-befe-29ef5da950c0 65a8fb21-bf82-5b23-973b-adb715ff0591', 'salutogenic, strengths, asset-based', 'salutogent, styrkor, friskfaktorer', 2);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('895d22ed-ad6c-559f-9500-f041a6280c18', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Co-creation', 'Samskapande', 'Develops services together with users, staff and partners.', 'Utvecklar verksamheten tillsammans med brukare, medarbetare och samarbetspartner.', 'leadership', '1cc9cb28-096e-532d-ab81-7e19e5543e1f 65a8fb21-bf82-5b23-973b-adb715ff0591', 'co-creation, user involvement, partnership', 'samskapande, brukarinflytande, samverkan', 3);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('2e32cdcc-6b5b-5a8c-9de7-d102688fe3d0', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Leading by own example', 'Föregå med gott exempel', 'Shows in daily practice the approach asked of others.', 'Visar i vardagen det förhållningssätt som efterfrågas av andra.', 'leadership', '8bf1ced1-ac7b-5971-84bf-2d90ec20a966 ae7f2466-fd09-51cf-a13a-86c8e9864c8d', 'role model, integrity, consistency', 'förebild, integritet, följsamhet', 4);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('1f942276-b545-5062-9250-44446f1d65a7', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Communicative leadership', 'Kommunikativt ledarskap', 'Makes goals meaningful in everyday work, not only on paper.', 'Gör mål meningsfulla i det dagliga arbetet, inte bara på papperet.', 'leadership', '8bf1ced1-ac7b-5971-84bf-2d90ec20a966 9c71d67d-0986-5b4b-a7aa-de4f6fd400cb', 'communication, meaning, goals', 'kommunikation, meningsfullhet, mål', 5);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('577b573e-8144-529f-9475-7c2d17799578', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Budget and financial follow-up', 'Budget och ekonomisk uppföljning', 'Plans and follows up the unit''s finances.', 'Planerar och följer upp enhetens ekonomi.', 'administrative', '02082a07-3e89-5712-befe-29ef5da950c0', 'budget, finances, follow-up', 'budget, ekonomi, uppföljning', 6);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('50a3562c-45ed-5569-b317-bb89450c36e9', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Planning and organising', 'Planering och organisering', 'Organises staffing, schedules and resources so that the work runs.', 'Organiserar bemanning, scheman och resurser så att verksamheten fungerar.', 'administrative', '02082a07-3e89-5712-befe-29ef5da950c0', 'planning, staffing, scheduling', 'planering, bemanning, schemaläggning', 7);
INSERT INTO competency (uuid, created, modified, origin, name_en, name_sv, description_en, description_sv, category, principles, keywords_en, keywords_sv, position)
  VALUES ('c6f7a47e-37b8-52cc-8ebb-a5385fd04436', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 'Laws and regulations', 'Lagar och regelverk', 'Applies the legislation and regulations that govern social services.', 'Tillämpar den lagstiftning och de regelverk som styr socialtjänsten.', 'administrative', '9c71d67d-0986-5b4b-a7aa-de4f6fd400cb', 'legislation, regulations, documentation', 'lagstiftning, regelverk, dokumentation', 8);
