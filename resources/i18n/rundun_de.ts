<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>TranslationTableModel</name>
    <message>
        <source>Not translated yet: {0}</source>
        <translation>Noch nicht übersetzt: {0}</translation>
    </message>
    <message>
        <source>Source ({0})</source>
        <translation>Quelle ({0})</translation>
    </message>
    <message>
        <source>Translation ({0})</source>
        <translation>Übersetzung ({0})</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
</context>
<context>
    <name>TranslationsController</name>
    <message>
        <source>Only the source language so far: add a language to translate.</source>
        <translation>Bisher nur die Ausgangssprache: Fügen Sie eine Sprache zum Übersetzen hinzu.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} von {2}</translation>
    </message>
    <message>
        <source>{0} (source)</source>
        <translation>{0} (Quelle)</translation>
    </message>
    <message>
        <source>{0} is the source language: its texts are edited in Properties. Choose or add another language to translate.</source>
        <translation>{0} ist die Ausgangssprache: Ihre Texte bearbeiten Sie unter Eigenschaften. Wählen Sie eine andere Sprache zum Übersetzen oder fügen Sie eine hinzu.</translation>
    </message>
    <message>
        <source>Translate {0} into {1}</source>
        <translation>{0} ins {1} übersetzen</translation>
    </message>
    <message>
        <source>“{0}” is not a language tag. Use a BCP 47 tag such as de, es, ar or pt-BR.</source>
        <translation>„{0}“ ist kein Sprachkürzel. Verwenden Sie ein BCP-47-Kürzel wie de, es, ar oder pt-BR.</translation>
    </message>
    <message>
        <source>The template already has {0}.</source>
        <translation>Die Vorlage hat {0} bereits.</translation>
    </message>
    <message>
        <source>Language not added</source>
        <translation>Sprache nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Add language {0}</source>
        <translation>Sprache {0} hinzufügen</translation>
    </message>
    <message>
        <source>Choose the language the file translates into first.</source>
        <translation>Wählen Sie zuerst die Sprache, in die die Datei übersetzt.</translation>
    </message>
    <message>
        <source>The file cannot be read: {0}.</source>
        <translation>Die Datei kann nicht gelesen werden: {0}.</translation>
    </message>
    <message>
        <source>The file translates into {0}, not {1}.</source>
        <translation>Die Datei übersetzt ins {0}, nicht ins {1}.</translation>
    </message>
    <message>
        <source>The file names texts this template does not have: {0}.</source>
        <translation>Die Datei nennt Texte, die diese Vorlage nicht hat: {0}.</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>Übersetzungen importieren</translation>
    </message>
    <message>
        <source>No language to translate</source>
        <translation>Keine Sprache zum Übersetzen</translation>
    </message>
    <message>
        <source>Choose or add a language to translate first.</source>
        <translation>Wählen Sie zuerst eine Sprache zum Übersetzen oder fügen Sie eine hinzu.</translation>
    </message>
    <message>
        <source>Translations not exported</source>
        <translation>Übersetzungen nicht exportiert</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>{0} konnte nicht geschrieben werden: {1}.</translation>
    </message>
    <message>
        <source>{0} could not be read: {1}.</source>
        <translation>{0} konnte nicht gelesen werden: {1}.</translation>
    </message>
    <message>
        <source>Translations not imported</source>
        <translation>Übersetzungen nicht importiert</translation>
    </message>
</context>
<context>
    <name>TranslationsPanel</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language the preview shows and the table translates into</source>
        <translation>Die Sprache der Vorschau und der Übersetzung in der Tabelle</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>Sprache hinzufügen…</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>Übersetzungen exportieren…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>Übersetzungen importieren…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Sprache hinzufügen</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), e.g. de, es, ar, pt-BR:</source>
        <translation>Sprachkürzel (BCP 47), z. B. de, es, ar, pt-BR:</translation>
    </message>
    <message>
        <source>Export translations</source>
        <translation>Übersetzungen exportieren</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>Übersetzungen importieren</translation>
    </message>
</context>
</TS>
