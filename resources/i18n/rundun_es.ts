<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>TranslationTableModel</name>
    <message>
        <source>Not translated yet: {0}</source>
        <translation>Aún sin traducir: {0}</translation>
    </message>
    <message>
        <source>Source ({0})</source>
        <translation>Original ({0})</translation>
    </message>
    <message>
        <source>Translation ({0})</source>
        <translation>Traducción ({0})</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traducción</translation>
    </message>
</context>
<context>
    <name>TranslationsController</name>
    <message>
        <source>Only the source language so far: add a language to translate.</source>
        <translation>Por ahora solo el idioma original: añada un idioma para traducir.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} de {2}</translation>
    </message>
    <message>
        <source>{0} (source)</source>
        <translation>{0} (original)</translation>
    </message>
    <message>
        <source>{0} is the source language: its texts are edited in Properties. Choose or add another language to translate.</source>
        <translation>{0} es el idioma original: sus textos se editan en Propiedades. Elija o añada otro idioma para traducir.</translation>
    </message>
    <message>
        <source>Translate {0} into {1}</source>
        <translation>Traducir {0} al {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a language tag. Use a BCP 47 tag such as de, es, ar or pt-BR.</source>
        <translation>«{0}» no es una etiqueta de idioma. Use una etiqueta BCP 47 como de, es, ar o pt-BR.</translation>
    </message>
    <message>
        <source>The template already has {0}.</source>
        <translation>La plantilla ya tiene {0}.</translation>
    </message>
    <message>
        <source>Language not added</source>
        <translation>Idioma no añadido</translation>
    </message>
    <message>
        <source>Add language {0}</source>
        <translation>Añadir idioma {0}</translation>
    </message>
    <message>
        <source>Choose the language the file translates into first.</source>
        <translation>Elija primero el idioma al que traduce el archivo.</translation>
    </message>
    <message>
        <source>The file cannot be read: {0}.</source>
        <translation>No se puede leer el archivo: {0}.</translation>
    </message>
    <message>
        <source>The file translates into {0}, not {1}.</source>
        <translation>El archivo traduce al {0}, no al {1}.</translation>
    </message>
    <message>
        <source>The file names texts this template does not have: {0}.</source>
        <translation>El archivo nombra textos que esta plantilla no tiene: {0}.</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>Importar traducciones</translation>
    </message>
    <message>
        <source>No language to translate</source>
        <translation>Ningún idioma que traducir</translation>
    </message>
    <message>
        <source>Choose or add a language to translate first.</source>
        <translation>Elija o añada primero un idioma para traducir.</translation>
    </message>
    <message>
        <source>Translations not exported</source>
        <translation>Traducciones no exportadas</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>No se pudo escribir {0}: {1}.</translation>
    </message>
    <message>
        <source>{0} could not be read: {1}.</source>
        <translation>No se pudo leer {0}: {1}.</translation>
    </message>
    <message>
        <source>Translations not imported</source>
        <translation>Traducciones no importadas</translation>
    </message>
</context>
<context>
    <name>TranslationsPanel</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language the preview shows and the table translates into</source>
        <translation>El idioma que muestra la vista previa y al que traduce la tabla</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>Añadir idioma…</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>Exportar traducciones…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>Importar traducciones…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Añadir idioma</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), e.g. de, es, ar, pt-BR:</source>
        <translation>Etiqueta de idioma (BCP 47), p. ej. de, es, ar, pt-BR:</translation>
    </message>
    <message>
        <source>Export translations</source>
        <translation>Exportar traducciones</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>Importar traducciones</translation>
    </message>
</context>
</TS>
