<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Rundun</source>
        <translation>Über Rundun</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rundun&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Rundun&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The photo could not be loaded ({0}).</source>
        <translation>Das Foto konnte nicht geladen werden ({0}).</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request is not valid.</source>
        <translation>Die Anfrage ist ungültig.</translation>
    </message>
    <message>
        <source>The request is malformed or misses a required field.</source>
        <translation>Die Anfrage ist fehlerhaft oder ihr fehlt ein Pflichtfeld.</translation>
    </message>
    <message>
        <source>Missing or invalid credentials.</source>
        <translation>Zugangsdaten fehlen oder sind ungültig.</translation>
    </message>
    <message>
        <source>Your plan&apos;s runs for this month are used up.</source>
        <translation>Die Durchläufe Ihres Tarifs für diesen Monat sind aufgebraucht.</translation>
    </message>
    <message>
        <source>This credential may not do that.</source>
        <translation>Mit diesen Zugangsdaten ist das nicht erlaubt.</translation>
    </message>
    <message>
        <source>No such resource exists in your organisation.</source>
        <translation>Das gibt es in Ihrer Organisation nicht.</translation>
    </message>
    <message>
        <source>No template with that ID exists in your organisation.</source>
        <translation>In Ihrer Organisation gibt es keine Vorlage mit dieser ID.</translation>
    </message>
    <message>
        <source>No run with that ID exists in your organisation.</source>
        <translation>In Ihrer Organisation gibt es keinen Durchlauf mit dieser ID.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state.</source>
        <translation>Die Anfrage passt nicht zum aktuellen Stand.</translation>
    </message>
    <message>
        <source>The run is already finished.</source>
        <translation>Der Durchlauf ist bereits beendet.</translation>
    </message>
    <message>
        <source>Someone else has already opened this run.</source>
        <translation>Jemand anderes hat diesen Durchlauf bereits geöffnet.</translation>
    </message>
    <message>
        <source>The template has changed since you loaded it.</source>
        <translation>Die Vorlage wurde geändert, seit Sie sie geladen haben.</translation>
    </message>
    <message>
        <source>This run has expired.</source>
        <translation>Dieser Durchlauf ist abgelaufen.</translation>
    </message>
    <message>
        <source>The request body is too large.</source>
        <translation>Die Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>The request body failed validation.</source>
        <translation>Die Angaben wurden nicht angenommen.</translation>
    </message>
    <message>
        <source>The request failed validation.</source>
        <translation>Die Angaben wurden nicht angenommen.</translation>
    </message>
    <message>
        <source>The query parameters are not valid.</source>
        <translation>Die Suchangaben sind ungültig.</translation>
    </message>
    <message>
        <source>No such template (or version) in your organisation.</source>
        <translation>Diese Vorlage (oder Version) gibt es in Ihrer Organisation nicht.</translation>
    </message>
    <message>
        <source>No member with that ID exists in your organisation.</source>
        <translation>In Ihrer Organisation gibt es kein Mitglied mit dieser ID.</translation>
    </message>
    <message>
        <source>No API key with that ID exists in your organisation.</source>
        <translation>In Ihrer Organisation gibt es keinen API-Schlüssel mit dieser ID.</translation>
    </message>
    <message>
        <source>No webhook delivery with that ID exists in your organisation.</source>
        <translation>In Ihrer Organisation gibt es keine Webhook-Zustellung mit dieser ID.</translation>
    </message>
    <message>
        <source>The prompt cannot be used.</source>
        <translation>Mit dieser Beschreibung lässt sich nichts anfangen.</translation>
    </message>
    <message>
        <source>The answer is not valid for this step.</source>
        <translation>Die Antwort passt nicht zu diesem Schritt.</translation>
    </message>
    <message>
        <source>This step cannot take that photo.</source>
        <translation>Dieser Schritt kann dieses Foto nicht aufnehmen.</translation>
    </message>
    <message>
        <source>There is no photo at that index.</source>
        <translation>An dieser Stelle gibt es kein Foto.</translation>
    </message>
    <message>
        <source>That API key is unknown or has been revoked.</source>
        <translation>Dieser API-Schlüssel ist unbekannt oder wurde widerrufen.</translation>
    </message>
    <message>
        <source>That API key is malformed.</source>
        <translation>Dieser API-Schlüssel ist nicht richtig geschrieben.</translation>
    </message>
    <message>
        <source>The run still has steps to complete.</source>
        <translation>Im Durchlauf sind noch Schritte offen.</translation>
    </message>
    <message>
        <source>This template does not allow skipping steps.</source>
        <translation>Diese Vorlage erlaubt kein Überspringen von Schritten.</translation>
    </message>
    <message>
        <source>Too many requests. Retry after the delay given.</source>
        <translation>Zu viele Anfragen. Versuchen Sie es nach der genannten Wartezeit erneut.</translation>
    </message>
    <message>
        <source>Something went wrong on our side.</source>
        <translation>Auf Serverseite ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full; nothing was stored. Free space on the server, then retry.</source>
        <translation>Der Datenträger des Servers ist voll; nichts wurde gespeichert. Schaffen Sie auf dem Server Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server answered {0}.</source>
        <translation>Der Server antwortete {0}.</translation>
    </message>
    <message>
        <source>The server at {0} did not answer in time.</source>
        <translation>Der Server unter {0} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}: nothing answers there.</source>
        <translation>Der Server unter {0} ist nicht erreichbar: Dort antwortet nichts.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}.</source>
        <translation>Der Server unter {0} ist nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Revoked {0}</source>
        <translation>Widerrufen {0}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Back up workspace…</source>
        <translation>Arbeitsbereich sichern…</translation>
    </message>
    <message>
        <source>Restore workspace…</source>
        <translation>Arbeitsbereich wiederherstellen…</translation>
    </message>
    <message>
        <source>Back up workspace</source>
        <translation>Arbeitsbereich sichern</translation>
    </message>
    <message>
        <source>Restore workspace</source>
        <translation>Arbeitsbereich wiederherstellen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>BatchExportController</name>
    <message>
        <source>every run of this list</source>
        <translation>alle Durchläufe dieser Liste</translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation>{0} in {1} gespeichert.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was saved.</source>
        <translation>Der Export wurde abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The reports could not be written: {0}</source>
        <translation>Die Berichte konnten nicht geschrieben werden: {0}</translation>
    </message>
</context>
<context>
    <name>BucketsModel</name>
    <message>
        <source>Week of {0}</source>
        <translation>Woche vom {0}</translation>
    </message>
</context>
<context>
    <name>CardButton</name>
    <message>
        <source>{0}: {1}, {2}. Opens these runs in the monitor.</source>
        <translation>{0}: {1}, {2}. Öffnet diese Durchläufe in der Übersicht.</translation>
    </message>
    <message>
        <source>Show these runs in the Runs monitor</source>
        <translation>Diese Durchläufe in der Durchlaufübersicht zeigen</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>{0}: numbers</source>
        <translation>{0}: Zahlen</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Zahlen</translation>
    </message>
</context>
<context>
    <name>CheckWords</name>
    <message>
        <source>&apos;{0}&apos; needs an answer</source>
        <translation>„{0}“ braucht eine Antwort</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; needs a signature</source>
        <translation>„{0}“ braucht eine Unterschrift</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; needs a location</source>
        <translation>„{0}“ braucht einen Standort</translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; needs at least %Ln photo(s)</source>
        <translation>
            <numerusform>„{0}“ braucht mindestens %Ln Foto</numerusform>
            <numerusform>„{0}“ braucht mindestens %Ln Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Your signature is needed before this run can be completed</source>
        <translation>Vor dem Abschluss dieses Durchlaufs wird Ihre Unterschrift benötigt</translation>
    </message>
    <message>
        <source>This checklist does not allow skipping steps</source>
        <translation>Diese Vorlage erlaubt kein Überspringen von Schritten</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must not be greater than the maximum ({0})</source>
        <translation>darf nicht größer als das Maximum ({0}) sein</translation>
    </message>
    <message>
        <source>must not be after the latest date ({0})</source>
        <translation>darf nicht nach dem spätesten Datum ({0}) liegen</translation>
    </message>
    <message>
        <source>must not be greater than “At most” ({0})</source>
        <translation>darf nicht größer als „Höchstens“ ({0}) sein</translation>
    </message>
    <message>
        <source>must not be greater than the number of options ({0})</source>
        <translation>darf nicht größer als die Zahl der Optionen ({0}) sein</translation>
    </message>
    <message>
        <source>must be unique in the template; also used at {0}</source>
        <translation>muss in der Vorlage eindeutig sein; schon verwendet bei {0}</translation>
    </message>
    <message>
        <source>the lower limit ({0}) must not be greater than the upper limit ({1})</source>
        <translation>die Untergrenze ({0}) darf nicht größer als die Obergrenze ({1}) sein</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message numerus="yes">
        <source>must have at most %Ln decimal place(s)</source>
        <translation>
            <numerusform>darf höchstens %Ln Nachkommastelle haben</numerusform>
            <numerusform>darf höchstens %Ln Nachkommastellen haben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must be at most %Ln character(s)</source>
        <translation>
            <numerusform>darf höchstens %Ln Zeichen lang sein</numerusform>
            <numerusform>darf höchstens %Ln Zeichen lang sein</numerusform>
        </translation>
    </message>
    <message>
        <source>must be at least {0}</source>
        <translation>muss mindestens {0} sein</translation>
    </message>
    <message>
        <source>must be at most {0}</source>
        <translation>darf höchstens {0} sein</translation>
    </message>
    <message numerus="yes">
        <source>must select at least %Ln option(s)</source>
        <translation>
            <numerusform>wählen Sie mindestens %Ln Option aus</numerusform>
            <numerusform>wählen Sie mindestens %Ln Optionen aus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must select at most %Ln option(s)</source>
        <translation>
            <numerusform>wählen Sie höchstens %Ln Option aus</numerusform>
            <numerusform>wählen Sie höchstens %Ln Optionen aus</numerusform>
        </translation>
    </message>
    <message>
        <source>must be a whole number from {0} to {1}</source>
        <translation>muss eine ganze Zahl von {0} bis {1} sein</translation>
    </message>
    <message>
        <source>must be a date, written YYYY-MM-DD</source>
        <translation>muss ein Datum im Format JJJJ-MM-TT sein</translation>
    </message>
    <message>
        <source>must be on or after {0}</source>
        <translation>darf nicht vor dem {0} liegen</translation>
    </message>
    <message>
        <source>must be on or before {0}</source>
        <translation>darf nicht nach dem {0} liegen</translation>
    </message>
    <message>
        <source>must be a time written HH:MM, from 00:00 to 23:59</source>
        <translation>muss eine Uhrzeit HH:MM sein, von 00:00 bis 23:59</translation>
    </message>
    <message>
        <source>{0}; this checklist does not allow skipping</source>
        <translation>{0}; diese Vorlage erlaubt kein Überspringen</translation>
    </message>
</context>
<context>
    <name>ChildServer</name>
    <message>
        <source>another Rundun server (process {1}) is using its data folder {0}. Stop that process; this one then starts by itself.</source>
        <translation>ein anderer Rundun-Server (Prozess {1}) verwendet seinen Datenordner {0}. Beenden Sie diesen Prozess; dieser Server startet dann von selbst.</translation>
    </message>
    <message>
        <source>another Rundun server is using its data folder {0}. Stop it; this one then starts by itself.</source>
        <translation>ein anderer Rundun-Server verwendet seinen Datenordner {0}. Beenden Sie ihn; dieser Server startet dann von selbst.</translation>
    </message>
    <message>
        <source>the embedded server exited during start-up ({0})</source>
        <translation>der eingebettete Server wurde beim Start beendet ({0})</translation>
    </message>
    <message>
        <source>the embedded server did not start in time</source>
        <translation>der eingebettete Server ist nicht rechtzeitig gestartet</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Only show this step if…</source>
        <translation>Diesen Schritt nur zeigen, wenn…</translation>
    </message>
    <message>
        <source>There is no earlier step to depend on.</source>
        <translation>Es gibt keinen früheren Schritt, von dem er abhängen kann.</translation>
    </message>
    <message>
        <source>Shown {0}.</source>
        <translation>Angezeigt, {0}.</translation>
    </message>
    <message>
        <source>Always shown.</source>
        <translation>Immer angezeigt.</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Embedded server on {0}{1}</source>
        <translation>Eingebetteter Server auf {0}{1}</translation>
    </message>
    <message>
        <source>Remote server {0}</source>
        <translation>Entfernter Server {0}</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Verbindung mit {0} wird hergestellt…</translation>
    </message>
    <message>
        <source>Starting the embedded server…</source>
        <translation>Der eingebettete Server wird gestartet…</translation>
    </message>
    <message>
        <source>The embedded server could not start: {0}</source>
        <translation>Der eingebettete Server konnte nicht starten: {0}</translation>
    </message>
    <message>
        <source>port {0} is used by another program, so the server now listens on port {1}; links sent before point at the old port</source>
        <translation>Port {0} wird von einem anderen Programm belegt, daher lauscht der Server jetzt auf Port {1}; zuvor versendete Links zeigen auf den alten Port</translation>
    </message>
    <message>
        <source>Restarting the embedded server…</source>
        <translation>Der eingebettete Server wird neu gestartet…</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://.</source>
        <translation>Die Server-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The server refused the API key. Enter a valid key in Settings.</source>
        <translation>Der Server hat den API-Schlüssel abgelehnt. Geben Sie unter Einstellungen einen gültigen Schlüssel ein.</translation>
    </message>
    <message>
        <source>{0} Retrying…</source>
        <translation>{0} Neuer Versuch…</translation>
    </message>
    <message>
        <source>The server answered {0}.</source>
        <translation>Der Server antwortete {0}.</translation>
    </message>
    <message>
        <source>Connected · {0}</source>
        <translation>Verbunden · {0}</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln Foto</numerusform>
            <numerusform>%Ln Fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) from your prompt</source>
        <translation>
            <numerusform>%Ln Punkt aus Ihrer Eingabe</numerusform>
            <numerusform>%Ln Punkte aus Ihrer Eingabe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It already asked %Ln of your items, in its own words.</source>
        <translation>
            <numerusform>Die Vorlage fragte %Ln Punkt Ihrer Eingabe schon ab, in eigenen Worten.</numerusform>
            <numerusform>Die Vorlage fragte %Ln Punkte Ihrer Eingabe schon ab, in eigenen Worten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln Änderung wartet</numerusform>
            <numerusform>%Ln Änderungen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln Änderung nicht gesendet</numerusform>
            <numerusform>%Ln Änderungen nicht gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused</source>
        <translation>
            <numerusform>%Ln Änderung abgelehnt</numerusform>
            <numerusform>%Ln Änderungen abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved</source>
        <translation>
            <numerusform>%Ln Antwort nicht gespeichert</numerusform>
            <numerusform>%Ln Antworten nicht gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This step takes at most %Ln photo(s).</source>
        <translation>
            <numerusform>Dieser Schritt nimmt höchstens %Ln Foto auf.</numerusform>
            <numerusform>Dieser Schritt nimmt höchstens %Ln Fotos auf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln decimal(s)</source>
        <translation>
            <numerusform>bis zu %Ln Nachkommastelle</numerusform>
            <numerusform>bis zu %Ln Nachkommastellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln optional step(s) unanswered</source>
        <translation>
            <numerusform>%Ln optionaler Schritt unbeantwortet</numerusform>
            <numerusform>%Ln optionale Schritte unbeantwortet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln Vorlage</numerusform>
            <numerusform>%Ln Vorlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln Durchlauf</numerusform>
            <numerusform>%Ln Durchläufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected run(s)</source>
        <translation>
            <numerusform>%Ln gewählter Durchlauf</numerusform>
            <numerusform>%Ln gewählte Durchläufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln Schritt</numerusform>
            <numerusform>%Ln Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln Änderung</numerusform>
            <numerusform>%Ln Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more depending on answers</source>
        <translation>
            <numerusform>%Ln weiterer je nach Antworten</numerusform>
            <numerusform>%Ln weitere je nach Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changed %Ln time(s)</source>
        <translation>
            <numerusform>einmal geändert</numerusform>
            <numerusform>%Ln-mal geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln stale write(s) lost</source>
        <translation>
            <numerusform> · %Ln veralteter Schreibvorgang verloren</numerusform>
            <numerusform> · %Ln veraltete Schreibvorgänge verloren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln finding(s)</source>
        <translation>
            <numerusform>⚠ %Ln Befund</numerusform>
            <numerusform>⚠ %Ln Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) are findings: open the run to see which</source>
        <translation>
            <numerusform>%Ln Antwort ist ein Befund: Öffnen Sie den Durchlauf, um zu sehen, welche</numerusform>
            <numerusform>%Ln Antworten sind Befunde: Öffnen Sie den Durchlauf, um zu sehen, welche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last backup %Ln day(s) ago</source>
        <translation>
            <numerusform>letzte Sicherung vor %Ln Tag</numerusform>
            <numerusform>letzte Sicherung vor %Ln Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent, in runs the server refused</source>
        <translation>
            <numerusform>%Ln Änderung nicht gesendet, in Durchläufen, die der Server abgelehnt hat</numerusform>
            <numerusform>%Ln Änderungen nicht gesendet, in Durchläufen, die der Server abgelehnt hat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved: put it right to send it</source>
        <translation>
            <numerusform>%Ln Antwort nicht gespeichert: Korrigieren Sie sie, um sie zu senden</numerusform>
            <numerusform>%Ln Antworten nicht gespeichert: Korrigieren Sie sie, um sie zu senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused by the server, so the run was not completed. Fix them and complete again:
</source>
        <translation>
            <numerusform>%Ln Änderung wurde vom Server abgelehnt, daher wurde der Durchlauf nicht abgeschlossen. Beheben Sie sie und schließen Sie erneut ab:
</numerusform>
            <numerusform>%Ln Änderungen wurden vom Server abgelehnt, daher wurde der Durchlauf nicht abgeschlossen. Beheben Sie sie und schließen Sie erneut ab:
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s){0} still on the executor&apos;s device{1}, not yet on the server: this run shows less than was done, and they arrive when the device is online again.</source>
        <translation>
            <numerusform>%Ln Änderung{0} ist noch auf dem Gerät der ausführenden Person{1}, noch nicht auf dem Server: Dieser Durchlauf zeigt weniger, als getan wurde, und sie kommt an, sobald das Gerät wieder online ist.</numerusform>
            <numerusform>%Ln Änderungen{0} sind noch auf dem Gerät der ausführenden Person{1}, noch nicht auf dem Server: Dieser Durchlauf zeigt weniger, als getan wurde, und sie kommen an, sobald das Gerät wieder online ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %Ln step(s)</source>
        <translation>
            <numerusform>{0} von %Ln Schritt</numerusform>
            <numerusform>{0} von %Ln Schritten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translations into {0}: %Ln changed</source>
        <translation>
            <numerusform>Übersetzungen ins {0}: %Ln geändert</numerusform>
            <numerusform>Übersetzungen ins {0}: %Ln geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; holds %Ln change(s) the server never took, kept only on this computer. Export the run first to keep them. Remove it anyway?</source>
        <translation>
            <numerusform>„{0}“ enthält %Ln Änderung, die der Server nie angenommen hat und die nur auf diesem Computer liegt. Exportieren Sie den Durchlauf zuerst, um sie zu behalten. Trotzdem entfernen?</numerusform>
            <numerusform>„{0}“ enthält %Ln Änderungen, die der Server nie angenommen hat und die nur auf diesem Computer liegen. Exportieren Sie den Durchlauf zuerst, um sie zu behalten. Trotzdem entfernen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>the system keyring ({0})</source>
        <translation>der Schlüsselbund des Systems ({0})</translation>
    </message>
    <message>
        <source>{0} (readable only by you)</source>
        <translation>{0} (nur für Sie lesbar)</translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <source>Days in {0}</source>
        <translation>Tage im {0}</translation>
    </message>
    <message>
        <source>A period covers a year at most: the other date moved to {0}.</source>
        <translation>Ein Zeitraum umfasst höchstens ein Jahr: Das andere Datum wurde auf {0} verschoben.</translation>
    </message>
    <message>
        <source>Templates could not be loaded. {0}</source>
        <translation>Vorlagen konnten nicht geladen werden. {0}</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Neueste Version</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>The numbers could not be loaded. {0}</source>
        <translation>Die Zahlen konnten nicht geladen werden. {0}</translation>
    </message>
    <message>
        <source>Nothing to show yet.
Create a template on the Templates page, then dispatch a run from the Runs page: how your runs go will show here.</source>
        <translation>Noch nichts zu zeigen.
Erstellen Sie auf der Seite Vorlagen eine Vorlage und versenden Sie dann auf der Seite Durchläufe einen Durchlauf: Hier sehen Sie, wie Ihre Durchläufe laufen.</translation>
    </message>
    <message>
        <source>No runs match these filters between {0} and {1}.</source>
        <translation>Keine Durchläufe entsprechen diesen Filtern zwischen {0} und {1}.</translation>
    </message>
    <message>
        <source>No runs were dispatched between {0} and {1}.
Dispatch a run from the Runs page, or choose a longer period.</source>
        <translation>Zwischen {0} und {1} wurden keine Durchläufe versendet.
Versenden Sie einen Durchlauf auf der Seite Durchläufe oder wählen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>Answers per step</source>
        <translation>Antworten je Schritt</translation>
    </message>
    <message>
        <source>Choose a template above to see how each of its steps was answered.</source>
        <translation>Wählen Sie oben eine Vorlage, um zu sehen, wie jeder ihrer Schritte beantwortet wurde.</translation>
    </message>
    <message>
        <source>Answers per step — {0}, version {1}</source>
        <translation>Antworten je Schritt — {0}, Version {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s) of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart&apos;s numbers are on its Numbers tab.</source>
        <translation>
            <numerusform>%Ln Durchlauf dieser Version im Zeitraum. Befunde sind mit „⚠ Befund“ markiert und orange dargestellt; die Zahlen jedes Diagramms stehen auf seinem Reiter Zahlen.</numerusform>
            <numerusform>%Ln Durchläufe dieser Version im Zeitraum. Befunde sind mit „⚠ Befund“ markiert und orange dargestellt; die Zahlen jedes Diagramms stehen auf seinem Reiter Zahlen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} answered, {1} skipped, %Ln finding(s)</source>
        <translation>
            <numerusform>{0} beantwortet, {1} übersprungen, %Ln Befund</numerusform>
            <numerusform>{0} beantwortet, {1} übersprungen, %Ln Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>Rundun dashboard — {0} to {1}</source>
        <translation>Rundun-Dashboard — {0} bis {1}</translation>
    </message>
    <message>
        <source>Period: {0}</source>
        <translation>Zeitraum: {0}</translation>
    </message>
    <message>
        <source>Template: {0}</source>
        <translation>Vorlage: {0}</translation>
    </message>
    <message>
        <source>Version: {0}</source>
        <translation>Version: {0}</translation>
    </message>
    <message>
        <source>Executor: {0}</source>
        <translation>Ausführende Person: {0}</translation>
    </message>
    <message>
        <source>Executor: any</source>
        <translation>Ausführende Person: alle</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>Der Export ist fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0} gespeichert.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>How the work is going, and which answers need action</source>
        <translation>Wie die Arbeit vorangeht und welche Antworten Handlungsbedarf haben</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>Dashboard aktualisieren</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Export the page as a PNG image</source>
        <translation>Seite als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export the page as an A4 PDF</source>
        <translation>Seite als A4-PDF exportieren</translation>
    </message>
    <message>
        <source>Runs by status</source>
        <translation>Durchläufe nach Status</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>Last %Ln day(s)</source>
        <translation>
            <numerusform>Letzter %Ln Tag</numerusform>
            <numerusform>Letzte %Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Vorlagenversion</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Neueste Version</translation>
    </message>
    <message>
        <source>Executor reference</source>
        <translation>Referenz der ausführenden Person</translation>
    </message>
    <message>
        <source>Export the dashboard as {0}</source>
        <translation>Dashboard als {0} exportieren</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Rundun</source>
        <translation>Ü&amp;ber Rundun</translation>
    </message>
    <message>
        <source>Open rundun:// links with Rundun?</source>
        <translation>rundun://-Links mit Rundun öffnen?</translation>
    </message>
    <message>
        <source>Run links sent as rundun://… can open straight in this app. Register Rundun for them?</source>
        <translation>Als rundun://… versendete Durchlauf-Links können direkt in dieser App geöffnet werden. Rundun dafür registrieren?</translation>
    </message>
</context>
<context>
    <name>DispatchController</name>
    <message>
        <source>A link lasts from {0} hours up to a year ({1} hours). For a link that never expires, tick No expiry.</source>
        <translation>Ein Link gilt {0} Stunden bis ein Jahr ({1} Stunden). Für einen Link, der nie abläuft, kreuzen Sie „Kein Ablauf“ an.</translation>
    </message>
    <message>
        <source>Templates could not be loaded. {0}</source>
        <translation>Vorlagen konnten nicht geladen werden. {0}</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>Noch keine Vorlagen</translation>
    </message>
    <message>
        <source>There are no templates yet. Create one on the Templates page first.</source>
        <translation>Es gibt noch keine Vorlagen. Erstellen Sie zuerst eine auf der Seite Vorlagen.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name could not be saved. {0}</source>
        <translation>Der Name der Organisation konnte nicht gespeichert werden. {0}</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Wählen Sie eine Vorlage.</translation>
    </message>
    <message>
        <source>Enter the webhook URL, or untick the webhook.</source>
        <translation>Geben Sie die Webhook-URL ein oder deaktivieren Sie den Webhook.</translation>
    </message>
    <message>
        <source>Tick at least one event, or untick the webhook.</source>
        <translation>Kreuzen Sie mindestens ein Ereignis an oder deaktivieren Sie den Webhook.</translation>
    </message>
    <message>
        <source>Dispatching…</source>
        <translation>Wird versendet…</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <source>The link works until {0}.</source>
        <translation>Der Link gilt bis {0}.</translation>
    </message>
    <message>
        <source>The link does not expire.</source>
        <translation>Der Link läuft nicht ab.</translation>
    </message>
    <message>
        <source>{0} for {1}.</source>
        <translation>{0} für {1}.</translation>
    </message>
    <message>
        <source>{0}, as written</source>
        <translation>{0}, wie geschrieben</translation>
    </message>
</context>
<context>
    <name>DispatchDialogView</name>
    <message>
        <source>Dispatch a run</source>
        <translation>Durchlauf versenden</translation>
    </message>
    <message>
        <source>Send a checklist to one person as a link.</source>
        <translation>Eine Checkliste als Link an eine Person senden.</translation>
    </message>
    <message>
        <source>Loading templates…</source>
        <translation>Vorlagen werden geladen…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Your organisation&apos;s name, e.g. Acme Rentals</source>
        <translation>Name Ihrer Organisation, z. B. Acme Vermietung</translation>
    </message>
    <message>
        <source>The person who opens the link reads who sent it; kept for every run (Settings → Plan and usage)</source>
        <translation>Wer den Link öffnet, liest, von wem er kommt; gilt für jeden Durchlauf (Einstellungen → Tarif und Nutzung)</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Gesendet von</translation>
    </message>
    <message>
        <source>The language the run is in; the executor may switch to another of the template&apos;s</source>
        <translation>Die Sprache des Durchlaufs; die ausführende Person kann zu einer anderen Sprache der Vorlage wechseln</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Your reference, e.g. booking_12345 (optional)</source>
        <translation>Ihre Referenz, z. B. booking_12345 (optional)</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>Link expires in</source>
        <translation>Link läuft ab in</translation>
    </message>
    <message>
        <source>Webhook (optional)</source>
        <translation>Webhook (optional)</translation>
    </message>
    <message>
        <source>https://your-app.com/hooks/rundun</source>
        <translation>https://your-app.com/hooks/rundun</translation>
    </message>
    <message>
        <source>whsec_… (signs each delivery; optional)</source>
        <translation>whsec_… (signiert jede Zustellung; optional)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <source>Run dispatched</source>
        <translation>Durchlauf versendet</translation>
    </message>
    <message>
        <source>Dispatch another</source>
        <translation>Weiteren versenden</translation>
    </message>
    <message>
        <source>Fill in here</source>
        <translation>Hier ausfüllen</translation>
    </message>
    <message>
        <source>Open the run in this computer&apos;s Executor (then nobody else can open the link)</source>
        <translation>Den Durchlauf in der Ausführung dieses Computers öffnen (danach kann niemand sonst den Link öffnen)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>DocEditor</name>
    <message>
        <source>Change a field</source>
        <translation>Feld ändern</translation>
    </message>
    <message>
        <source>Change “{0}”</source>
        <translation>„{0}“ ändern</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Typ ändern</translation>
    </message>
    <message>
        <source>Change step id</source>
        <translation>Schritt-ID ändern</translation>
    </message>
    <message>
        <source>Change options</source>
        <translation>Optionen ändern</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>Abschnitt {0}</translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation>{0} (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate section</source>
        <translation>Abschnitt duplizieren</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Schritt duplizieren</translation>
    </message>
    <message>
        <source>Paste section</source>
        <translation>Abschnitt einfügen</translation>
    </message>
    <message>
        <source>Paste step</source>
        <translation>Schritt einfügen</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <source>Undo {0} (Ctrl+Z)</source>
        <translation>{0} rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo {0} (Ctrl+Shift+Z)</source>
        <translation>{0} wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>(template)</source>
        <translation>(Vorlage)</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>Probleme ({0})</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>⚠ %Ln Problem</numerusform>
            <numerusform>⚠ %Ln Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation>✓ Gültig</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <source>Resolve…</source>
        <translation>Beheben…</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Übersetzungen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>{0} löschen?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s) show only on its answers: {0}. Their conditions would name a step that is gone.</source>
        <translation>
            <numerusform>%Ln Schritt wird nur nach seinen Antworten gezeigt: {0}. Seine Bedingung nennte dann einen Schritt, den es nicht mehr gibt.</numerusform>
            <numerusform>%Ln Schritte werden nur nach seinen Antworten gezeigt: {0}. Ihre Bedingungen nennten dann einen Schritt, den es nicht mehr gibt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>No problems: this template can be saved.</source>
        <translation>Keine Probleme: Diese Vorlage kann gespeichert werden.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Abschnitt hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>the embedded server stopped during start-up</source>
        <translation>der eingebettete Server wurde während des Starts beendet</translation>
    </message>
    <message>
        <source>the embedded server did not start in time</source>
        <translation>der eingebettete Server ist nicht rechtzeitig gestartet</translation>
    </message>
</context>
<context>
    <name>EmptyPanel</name>
    <message>
        <source>Select a section or a step to edit it.</source>
        <translation>Wählen Sie einen Abschnitt oder Schritt, um ihn zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>FlagEditor</name>
    <message>
        <source>A finding when one of these is chosen:</source>
        <translation>Ein Befund, wenn eine dieser Optionen gewählt wird:</translation>
    </message>
    <message>
        <source>no lower limit</source>
        <translation>keine Untergrenze</translation>
    </message>
    <message>
        <source>no upper limit</source>
        <translation>keine Obergrenze</translation>
    </message>
    <message>
        <source>A finding below</source>
        <translation>Ein Befund unter</translation>
    </message>
    <message>
        <source>or above</source>
        <translation>oder ab</translation>
    </message>
    <message>
        <source>Never a finding</source>
        <translation>Nie ein Befund</translation>
    </message>
    <message>
        <source>A finding when the answer is {0}</source>
        <translation>Ein Befund, wenn die Antwort {0} ist</translation>
    </message>
    <message>
        <source>Option {0}</source>
        <translation>Option {0}</translation>
    </message>
    <message>
        <source>No answer to this step is a finding.</source>
        <translation>Keine Antwort auf diesen Schritt ist ein Befund.</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate a template</source>
        <translation>Vorlage erzeugen</translation>
    </message>
    <message>
        <source>Describe the checklist you need:</source>
        <translation>Beschreiben Sie die Checkliste, die Sie brauchen:</translation>
    </message>
    <message>
        <source>e.g. Vehicle pre-rental inspection for a car rental company: exterior condition, fuel level, odometer, interior cleanliness, customer signature.</source>
        <translation>z. B. Fahrzeugprüfung vor der Vermietung für eine Autovermietung: Außenzustand, Tankfüllung, Kilometerstand, Sauberkeit innen, Unterschrift des Kunden.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>The checklist appears here, to try before you open it in the editor.</source>
        <translation>Hier erscheint die Checkliste, zum Ausprobieren, bevor Sie sie im Editor öffnen.</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>Write a description of 1 to {0} characters.</source>
        <translation>Schreiben Sie eine Beschreibung mit 1 bis {0} Zeichen.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt…</translation>
    </message>
    <message>
        <source>The generated template is not valid: {0}</source>
        <translation>Die erzeugte Vorlage ist nicht gültig: {0}</translation>
    </message>
    <message>
        <source>{0} — {1}, {2}</source>
        <translation>{0} — {1}, {2}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln section(s)</source>
        <translation>
            <numerusform>%Ln Abschnitt</numerusform>
            <numerusform>%Ln Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <source>Review it here; nothing is saved until you save it in the editor.</source>
        <translation>Prüfen Sie sie hier; gespeichert wird erst, wenn Sie sie im Editor speichern.</translation>
    </message>
</context>
<context>
    <name>GeoInput</name>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>± metres</source>
        <translation>± Meter</translation>
    </message>
    <message>
        <source>Use my position</source>
        <translation>Meinen Standort verwenden</translation>
    </message>
    <message>
        <source>Locating…</source>
        <translation>Standort wird ermittelt…</translation>
    </message>
    <message>
        <source>This computer does not let the app read its position (check its location settings); type it in.</source>
        <translation>Dieser Computer lässt die App seinen Standort nicht lesen (prüfen Sie die Standorteinstellungen); geben Sie ihn ein.</translation>
    </message>
    <message>
        <source>The position service stopped; type the position in.</source>
        <translation>Der Standortdienst wurde beendet; geben Sie den Standort ein.</translation>
    </message>
    <message>
        <source>No position came from this computer in time; type it in.</source>
        <translation>Dieser Computer hat nicht rechtzeitig einen Standort geliefert; geben Sie ihn ein.</translation>
    </message>
</context>
<context>
    <name>GroupBox</name>
    <message>
        <source>All of these are true</source>
        <translation>Alle diese Bedingungen sind erfüllt</translation>
    </message>
    <message>
        <source>Any of these is true</source>
        <translation>Eine dieser Bedingungen ist erfüllt</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Diese Gruppe entfernen</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>HoursBox</name>
    <message>
        <source>A link lasts from {0} hours up to a year ({1} hours).</source>
        <translation>Ein Link gilt {0} Stunden bis ein Jahr ({1} Stunden).</translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <source>Forget this finished run on this computer</source>
        <translation>Diesen abgeschlossenen Durchlauf auf diesem Computer vergessen</translation>
    </message>
    <message>
        <source>Only finished runs can be removed: an unfinished one still has work to send</source>
        <translation>Nur abgeschlossene Durchläufe können entfernt werden: Ein offener hat noch etwas zu senden</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet…</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Durchlauf öffnen</translation>
    </message>
    <message>
        <source>Could not export the run: {0}</source>
        <translation>Der Durchlauf konnte nicht exportiert werden: {0}</translation>
    </message>
    <message>
        <source>Exported to {0}: run.json and the photo files.</source>
        <translation>Exportiert nach {0}: run.json und die Fotodateien.</translation>
    </message>
    <message>
        <source>Removed &apos;{0}&apos; from this computer.</source>
        <translation>„{0}“ wurde von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>Could not register rundun:// links: {0}</source>
        <translation>rundun://-Links konnten nicht registriert werden: {0}</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>As last heard from the server (at {0}). Expires: {1}.</source>
        <translation>Stand der letzten Rückmeldung des Servers ({0}). Läuft ab: {1}.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Executor</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Runs opened on this computer. Fill them with or without a network; every change is kept here and sent when the server answers.</source>
        <translation>Auf diesem Computer geöffnete Durchläufe. Füllen Sie sie mit oder ohne Netzwerk aus; jede Änderung wird hier gespeichert und gesendet, sobald der Server antwortet.</translation>
    </message>
    <message>
        <source>Open rundun:// links with Rundun</source>
        <translation>rundun://-Links mit Rundun öffnen</translation>
    </message>
    <message>
        <source>Register this app for rundun:// run links (this user only)</source>
        <translation>Diese App für rundun://-Durchlauf-Links registrieren (nur für diesen Benutzer)</translation>
    </message>
    <message>
        <source>Open a run</source>
        <translation>Durchlauf öffnen</translation>
    </message>
    <message>
        <source>Paste the run link: {0}  or  {1}</source>
        <translation>Durchlauf-Link einfügen: {0}  oder  {1}</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Durchlauf öffnen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your email</source>
        <translation>Ihre E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Your member sign-in token (rdm_…)</source>
        <translation>Ihr Anmeldetoken als Mitglied (rdm_…)</translation>
    </message>
    <message>
        <source>No runs on this computer yet. Paste the link you were sent above.</source>
        <translation>Noch keine Durchläufe auf diesem Computer. Fügen Sie oben den Link ein, den Sie erhalten haben.</translation>
    </message>
    <message>
        <source>Continue run</source>
        <translation>Durchlauf fortsetzen</translation>
    </message>
    <message>
        <source>Enter on the selected run</source>
        <translation>Eingabetaste auf dem gewählten Durchlauf</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the run&apos;s answers as JSON with its photo files</source>
        <translation>Die Antworten des Durchlaufs als JSON mit seinen Fotodateien speichern</translation>
    </message>
    <message>
        <source>Remove from this computer</source>
        <translation>Von diesem Computer entfernen</translation>
    </message>
    <message>
        <source>Make this app open rundun:// run links for your user on this computer? This changes your desktop&apos;s settings for such links.</source>
        <translation>Soll diese App rundun://-Links zu Durchläufen für Ihren Benutzer auf diesem Computer öffnen? Das ändert die Einstellungen Ihres Desktops für solche Links.</translation>
    </message>
</context>
<context>
    <name>JsonSync</name>
    <message>
        <source>Valid TDL.</source>
        <translation>Gültiges TDL.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s).</source>
        <translation>
            <numerusform>%Ln Problem.</numerusform>
            <numerusform>%Ln Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid JSON — line {0}, column {1}: {2}.</source>
        <translation>Kein gültiges JSON — Zeile {0}, Spalte {1}: {2}.</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>Nicht übernommen: {0}</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Übernommen.</translation>
    </message>
    <message>
        <source>Editing… (applied when you pause)</source>
        <translation>Wird bearbeitet… (übernommen, sobald Sie innehalten)</translation>
    </message>
</context>
<context>
    <name>JsonView</name>
    <message>
        <source>line {0} · {1}: {2}</source>
        <translation>Zeile {0} · {1}: {2}</translation>
    </message>
</context>
<context>
    <name>LeafRow</name>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>a later step</source>
        <translation>ein späterer Schritt</translation>
    </message>
    <message>
        <source>not a step of this template</source>
        <translation>kein Schritt dieser Vorlage</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <source>Some text was cut: {0} characters at most</source>
        <translation>Text wurde gekürzt: höchstens {0} Zeichen</translation>
    </message>
    <message>
        <source>{0} characters at most</source>
        <translation>Höchstens {0} Zeichen</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>This server has no template library.</source>
        <translation>Dieser Server hat keine Vorlagenbibliothek.</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>New from library</source>
        <translation>Neu aus der Bibliothek</translation>
    </message>
    <message>
        <source>Search the library: forklift, HACCP, move-out, scaffold…</source>
        <translation>Bibliothek durchsuchen: Gabelstapler, HACCP, Auszug, Gerüst…</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>Diese verwenden</translation>
    </message>
    <message>
        <source>{0}
{1} · {2}</source>
        <translation>{0}
{1} · {2}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln Vorlage</numerusform>
            <numerusform>%Ln Vorlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>This library template is not valid: {0}</source>
        <translation>Diese Bibliotheksvorlage ist nicht gültig: {0}</translation>
    </message>
    <message>
        <source>Use this to open it in the editor; nothing is saved until you save it there.</source>
        <translation>Damit öffnen Sie sie im Editor; gespeichert wird erst, wenn Sie sie dort speichern.</translation>
    </message>
    <message>
        <source>Nothing in the library matches these words.</source>
        <translation>Nichts in der Bibliothek passt zu diesen Wörtern.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>The event stream answered {0}.</source>
        <translation>Der Ereignisstrom antwortete {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0} plan
{1}</source>
        <translation>Tarif {0}
{1}</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Live-Aktualisierungen</translation>
    </message>
    <message>
        <source>Polling for updates</source>
        <translation>Aktualisierungen werden abgefragt</translation>
    </message>
</context>
<context>
    <name>MainWindowView</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
</context>
<context>
    <name>MoveSectionCommand</name>
    <message>
        <source>Move section</source>
        <translation>Abschnitt verschieben</translation>
    </message>
</context>
<context>
    <name>MoveStepCommand</name>
    <message>
        <source>Move step</source>
        <translation>Schritt verschieben</translation>
    </message>
</context>
<context>
    <name>NewerVersionCheck</name>
    <message>
        <source>This template was deleted elsewhere. What you see stays open here: export it to keep a copy.</source>
        <translation>Diese Vorlage wurde anderswo gelöscht. Was Sie sehen, bleibt hier geöffnet: Exportieren Sie es, um eine Kopie zu behalten.</translation>
    </message>
    <message>
        <source>Version {0} was made elsewhere while you edit version {1}. Your changes are kept: look at version {0} now, or keep editing and choose at Save.</source>
        <translation>Version {0} wurde anderswo erstellt, während Sie Version {1} bearbeiten. Ihre Änderungen bleiben erhalten: Sehen Sie sich Version {0} jetzt an, oder bearbeiten Sie weiter und entscheiden Sie beim Speichern.</translation>
    </message>
    <message>
        <source>Look at version {0}…</source>
        <translation>Version {0} ansehen…</translation>
    </message>
    <message>
        <source>Updated to {0}, made elsewhere</source>
        <translation>Auf {0} aktualisiert, anderswo erstellt</translation>
    </message>
    <message>
        <source>The newer version could not be read</source>
        <translation>Die neuere Version konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <source> · {0} with problems</source>
        <translation> · mit Problemen: {0}</translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>o-…</source>
        <translation>o-…</translation>
    </message>
    <message>
        <source>Option id (o-…): what the answer stores; change it with care</source>
        <translation>Options-ID (o-…): was die Antwort speichert; nur mit Bedacht ändern</translation>
    </message>
    <message>
        <source>Option label</source>
        <translation>Beschriftung der Option</translation>
    </message>
    <message>
        <source>Move option up</source>
        <translation>Option nach oben</translation>
    </message>
    <message>
        <source>Move option down</source>
        <translation>Option nach unten</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Option entfernen</translation>
    </message>
</context>
<context>
    <name>OptionsEditor</name>
    <message>
        <source>Add option</source>
        <translation>Option hinzufügen</translation>
    </message>
    <message>
        <source>Option {0}</source>
        <translation>Option {0}</translation>
    </message>
</context>
<context>
    <name>PhotoBrowser</name>
    <message>
        <source>Save photo</source>
        <translation>Foto speichern</translation>
    </message>
    <message>
        <source>Images (*{0})</source>
        <translation>Bilder (*{0})</translation>
    </message>
    <message>
        <source>The photo could not be saved: {0}</source>
        <translation>Das Foto konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Gespeichert unter {0}.</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Ask for photos</source>
        <translation>Nach Fotos fragen</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>Fotos hinzufügen…</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>or drop image files here · {0}</source>
        <translation>oder Bilddateien hierher ziehen · {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) with the answer</source>
        <translation>
            <numerusform>%Ln Foto mit der Antwort</numerusform>
            <numerusform>%Ln Fotos mit der Antwort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln Foto</numerusform>
            <numerusform>%Ln Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}–{1} photos with the answer</source>
        <translation>{0}–{1} Fotos mit der Antwort</translation>
    </message>
    <message>
        <source>{0}–{1} photos</source>
        <translation>{0}–{1} Fotos</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Fotos hinzufügen</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Save photo…</source>
        <translation>Foto speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Also with the arrow keys</source>
        <translation>Auch mit den Pfeiltasten</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>This photo cannot be shown here; Save photo… keeps it as it is.</source>
        <translation>Dieses Foto kann hier nicht angezeigt werden; „Foto speichern…“ bewahrt es unverändert auf.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Previous section</source>
        <translation>Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Nächster Abschnitt</translation>
    </message>
    <message>
        <source>Reset answers</source>
        <translation>Antworten zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); the preview shows the last valid version.</source>
        <translation>
            <numerusform>Die Vorlage hat %Ln Problem; die Vorschau zeigt die letzte gültige Fassung.</numerusform>
            <numerusform>Die Vorlage hat %Ln Probleme; die Vorschau zeigt die letzte gültige Fassung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); fix them to see the preview.</source>
        <translation>
            <numerusform>Die Vorlage hat %Ln Problem; beheben Sie es, um die Vorschau zu sehen.</numerusform>
            <numerusform>Die Vorlage hat %Ln Probleme; beheben Sie sie, um die Vorschau zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section {0} of {1}</source>
        <translation>Abschnitt {0} von {1}</translation>
    </message>
    <message>
        <source>{0} of {1} answered</source>
        <translation>{0} von {1} beantwortet</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln step(s) hidden by conditions</source>
        <translation>
            <numerusform> · %Ln Schritt durch Bedingungen ausgeblendet</numerusform>
            <numerusform> · %Ln Schritte durch Bedingungen ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source> · ready to complete</source>
        <translation> · bereit zum Abschließen</translation>
    </message>
    <message>
        <source> · {0} left before completion</source>
        <translation> · noch {0} bis zum Abschluss</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“{0}” has changes that are not saved.</source>
        <translation>„{0}“ hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>„{0}“ löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Runs already dispatched keep their copy of the template.</source>
        <translation>Bereits versendete Durchläufe behalten ihre Kopie der Vorlage.</translation>
    </message>
    <message>
        <source>• (no visible change)</source>
        <translation>• (keine sichtbare Änderung)</translation>
    </message>
    <message>
        <source>
• … and {0} more</source>
        <translation>
• … und {0} weitere</translation>
    </message>
    <message>
        <source>The template changed on the server</source>
        <translation>Die Vorlage wurde auf dem Server geändert</translation>
    </message>
    <message>
        <source>You are editing version {0}, but the server now has version {1}.</source>
        <translation>Sie bearbeiten Version {0}, aber der Server hat jetzt Version {1}.</translation>
    </message>
    <message>
        <source>Save mine as version {0}</source>
        <translation>Meine als Version {0} speichern</translation>
    </message>
    <message>
        <source>Discard mine and load version {0}</source>
        <translation>Meine verwerfen und Version {0} laden</translation>
    </message>
    <message>
        <source>Changes made there since version {0}:
{1}</source>
        <translation>Dort seit Version {0} vorgenommene Änderungen:
{1}</translation>
    </message>
    <message>
        <source>Import a template</source>
        <translation>Vorlage importieren</translation>
    </message>
    <message>
        <source>Template JSON (*.json);;All files (*)</source>
        <translation>Vorlagen-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export the template</source>
        <translation>Vorlage exportieren</translation>
    </message>
    <message>
        <source>Template JSON (*.json)</source>
        <translation>Vorlagen-JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>PropertiesController</name>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln Schritt</numerusform>
            <numerusform>%Ln Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” is already an id in this template (each id is used once): the step keeps “{1}”.</source>
        <translation>„{0}“ ist in dieser Vorlage schon eine ID (jede ID gibt es nur einmal): Der Schritt behält „{1}“.</translation>
    </message>
</context>
<context>
    <name>RemoveSectionCommand</name>
    <message>
        <source>Delete section</source>
        <translation>Abschnitt löschen</translation>
    </message>
</context>
<context>
    <name>RemoveStepCommand</name>
    <message>
        <source>Delete step</source>
        <translation>Schritt löschen</translation>
    </message>
</context>
<context>
    <name>RunDetailController</name>
    <message>
        <source>Executor</source>
        <translation>Ausführende Person</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>version {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancel the run {0}? Its link stops working and the executor cannot finish it.</source>
        <translation>Den Durchlauf {0} stornieren? Sein Link funktioniert dann nicht mehr und die ausführende Person kann ihn nicht abschließen.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>This server does not keep answer history.</source>
        <translation>Dieser Server speichert keinen Antwortverlauf.</translation>
    </message>
    <message>
        <source>{0}, passed: only the executor who opened it can still send and complete it</source>
        <translation>{0}, abgelaufen: Nur die ausführende Person, die ihn geöffnet hat, kann noch senden und abschließen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The answer history could not be loaded: {0}</source>
        <translation>Der Antwortverlauf konnte nicht geladen werden: {0}</translation>
    </message>
    <message>
        <source>This server does not report webhook deliveries.</source>
        <translation>Dieser Server meldet keine Webhook-Zustellungen.</translation>
    </message>
    <message>
        <source>Webhook deliveries could not be loaded: {0}</source>
        <translation>Webhook-Zustellungen konnten nicht geladen werden: {0}</translation>
    </message>
    <message>
        <source>This run was dispatched without a webhook.</source>
        <translation>Dieser Durchlauf wurde ohne Webhook versendet.</translation>
    </message>
    <message>
        <source>Sent again.</source>
        <translation>Erneut gesendet.</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>Der Durchlauf wurde storniert.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Link kopiert.</translation>
    </message>
    <message>
        <source>Export run as PDF</source>
        <translation>Durchlauf als PDF exportieren</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Das PDF wird geschrieben…</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Gespeichert unter {0}.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {0}</source>
        <translation>Das PDF konnte nicht geschrieben werden: {0}</translation>
    </message>
</context>
<context>
    <name>RunDetailView</name>
    <message>
        <source>Select a run to see its answers, photos and webhooks.</source>
        <translation>Wählen Sie einen Durchlauf, um seine Antworten, Fotos und Webhooks zu sehen.</translation>
    </message>
    <message>
        <source>Close the run&apos;s detail (Escape)</source>
        <translation>Details des Durchlaufs schließen (Esc)</translation>
    </message>
    <message>
        <source>Close the run&apos;s detail</source>
        <translation>Details des Durchlaufs schließen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>On the executor&apos;s device</source>
        <translation>Auf dem Gerät</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>Webhook-Zustellungen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>This run&apos;s template is not available.</source>
        <translation>Die Vorlage dieses Durchlaufs ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>⚠ Finding — this answer needs action</source>
        <translation>⚠ Befund — diese Antwort erfordert Handeln</translation>
    </message>
    <message>
        <source>{0} — photo {1}</source>
        <translation>{0} — Foto {1}</translation>
    </message>
    <message>
        <source>GPS {0} · &lt;a href=&quot;{1}&quot;&gt;Open map&lt;/a&gt;</source>
        <translation>GPS {0} · &lt;a href=&quot;{1}&quot;&gt;Karte öffnen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Answer history</source>
        <translation>Antwortverlauf</translation>
    </message>
    <message>
        <source>No answer has been received yet.</source>
        <translation>Es ist noch keine Antwort eingegangen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier write(s) not shown</source>
        <translation>
            <numerusform>%Ln früherer Schreibvorgang nicht angezeigt</numerusform>
            <numerusform>%Ln frühere Schreibvorgänge nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No webhook deliveries for this run.</source>
        <translation>Keine Webhook-Zustellungen für diesen Durchlauf.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln Versuch</numerusform>
            <numerusform>%Ln Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>next try {0}</source>
        <translation>nächster Versuch {0}</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Erneut zustellen</translation>
    </message>
</context>
<context>
    <name>RunnerController</name>
    <message>
        <source>This run is not on this computer.</source>
        <translation>Dieser Durchlauf ist nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>Ihre Unterschrift</translation>
    </message>
    <message>
        <source>This run asks for your signature before it is completed.</source>
        <translation>Dieser Durchlauf verlangt Ihre Unterschrift, bevor er abgeschlossen wird.</translation>
    </message>
    <message>
        <source> · {0} skipped</source>
        <translation> · übersprungen: {0}</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln still incomplete</source>
        <translation>
            <numerusform> · %Ln noch unvollständig</numerusform>
            <numerusform> · %Ln noch unvollständig</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1} answered{2}</source>
        <translation>{0} von {1} beantwortet{2}</translation>
    </message>
    <message>
        <source>The server refused this: </source>
        <translation>Der Server hat dies abgelehnt: </translation>
    </message>
    <message>
        <source>The server refused this run.</source>
        <translation>Der Server hat diesen Durchlauf abgelehnt.</translation>
    </message>
    <message>
        <source>To go on with it on this computer, open its link again in the Executor&apos;s inbox, with your member sign-in token: what waits here is sent then.</source>
        <translation>Um ihn auf diesem Computer fortzusetzen, öffnen Sie seinen Link erneut im Eingang des Ausführungsbereichs, mit Ihrem Anmeldetoken als Mitglied: Was hier wartet, wird dann gesendet.</translation>
    </message>
    <message>
        <source>Completed and sent to the server.</source>
        <translation>Abgeschlossen und an den Server gesendet.</translation>
    </message>
    <message>
        <source>Completed on this computer. It will be sent as soon as the server can be reached.</source>
        <translation>Auf diesem Computer abgeschlossen. Er wird gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>You gave up this run. The server is told as soon as it can be reached.</source>
        <translation>Sie haben diesen Durchlauf aufgegeben. Der Server erfährt es, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>You gave up this run; the organisation has been told.</source>
        <translation>Sie haben diesen Durchlauf aufgegeben; die Organisation wurde informiert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) chosen before Rundun stopped could not be kept: {0}</source>
        <translation>
            <numerusform>%Ln Foto, das vor dem Beenden von Rundun ausgewählt wurde, konnte nicht behalten werden: {0}</numerusform>
            <numerusform>%Ln Fotos, die vor dem Beenden von Rundun ausgewählt wurden, konnten nicht behalten werden: {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;li&gt;and {0} more&lt;/li&gt;</source>
        <translation>&lt;li&gt;und {0} weitere&lt;/li&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln thing(s) still missing before this run can be completed&lt;/b&gt; (each links to its step):</source>
        <translation>
            <numerusform>&lt;b&gt;Noch %Ln Angabe fehlt, bevor dieser Durchlauf abgeschlossen werden kann&lt;/b&gt; (jede führt zu ihrem Schritt):</numerusform>
            <numerusform>&lt;b&gt;Noch %Ln Angaben fehlen, bevor dieser Durchlauf abgeschlossen werden kann&lt;/b&gt; (jede führt zu ihrem Schritt):</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the run: {0}</source>
        <translation>Der Durchlauf konnte nicht exportiert werden: {0}</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>Exportiert nach {0}</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <source>← Inbox</source>
        <translation>← Eingang</translation>
    </message>
    <message>
        <source>Back to the runs on this computer (Esc)</source>
        <translation>Zurück zu den Durchläufen auf diesem Computer (Esc)</translation>
    </message>
    <message>
        <source>Sections (Alt+← / Alt+→ to move between them)</source>
        <translation>Abschnitte (Alt+← / Alt+→ zum Wechseln)</translation>
    </message>
    <message>
        <source>◀ Previous section</source>
        <translation>◀ Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>Alt+← or Ctrl+PgUp</source>
        <translation>Alt+← oder Strg+Bild↑</translation>
    </message>
    <message>
        <source>Next section ▶</source>
        <translation>Nächster Abschnitt ▶</translation>
    </message>
    <message>
        <source>Alt+→ or Ctrl+PgDown</source>
        <translation>Alt+→ oder Strg+Bild↓</translation>
    </message>
    <message>
        <source>Complete this run? Its answers cannot be changed afterwards. It is sent as soon as the server can be reached.</source>
        <translation>Diesen Durchlauf abschließen? Seine Antworten lassen sich danach nicht mehr ändern. Er wird gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Complete now</source>
        <translation>Jetzt abschließen</translation>
    </message>
    <message>
        <source>Give up this run? The organisation is told that you exited it; it cannot be resumed.</source>
        <translation>Diesen Durchlauf aufgeben? Die Organisation erfährt, dass Sie ihn verlassen haben; er kann nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Give up the run</source>
        <translation>Durchlauf aufgeben</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Warum (optional)</translation>
    </message>
    <message>
        <source>Give up run…</source>
        <translation>Durchlauf aufgeben…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the answers as JSON with the photo files</source>
        <translation>Die Antworten als JSON mit den Fotodateien speichern</translation>
    </message>
    <message>
        <source>Complete run</source>
        <translation>Durchlauf abschließen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Runs could not be loaded. {0}</source>
        <translation>Durchläufe konnten nicht geladen werden. {0}</translation>
    </message>
    <message>
        <source>New: {0}, shown when the pointer leaves the list</source>
        <translation>Neu: {0}, sichtbar sobald der Mauszeiger die Liste verlässt</translation>
    </message>
    <message>
        <source>New or changed since this order was read: {0}. &lt;a href=&apos;#&apos;&gt;Sort them in&lt;/a&gt;</source>
        <translation>Neu oder geändert, seit diese Reihenfolge gelesen wurde: {0}. &lt;a href=&apos;#&apos;&gt;Einsortieren&lt;/a&gt;</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>◌ Polling</source>
        <translation>◌ Abfrage</translation>
    </message>
    <message>
        <source>Updates stream from the server as they happen.</source>
        <translation>Aktualisierungen kommen vom Server, sobald sie geschehen.</translation>
    </message>
    <message>
        <source>The event stream is unavailable: checking for changes every few seconds.</source>
        <translation>Der Ereignisstrom ist nicht verfügbar: Änderungen werden alle paar Sekunden abgefragt.</translation>
    </message>
    <message>
        <source>No run&apos;s executor ref starts with “{0}”.</source>
        <translation>Kein Durchlauf hat eine Referenz, die mit „{0}“ beginnt.</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Keine Durchläufe entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>No runs yet, and no template to dispatch: make one on the Templates page first, or start from the library there.</source>
        <translation>Noch keine Durchläufe und keine Vorlage zum Versenden: Legen Sie zuerst auf der Seite „Vorlagen“ eine an oder beginnen Sie dort mit der Bibliothek.</translation>
    </message>
    <message>
        <source>No runs yet. Dispatch one to get a link for an executor.</source>
        <translation>Noch keine Durchläufe. Versenden Sie einen, um einen Link für eine ausführende Person zu erhalten.</translation>
    </message>
    <message>
        <source>Export runs as CSV</source>
        <translation>Durchläufe als CSV exportieren</translation>
    </message>
    <message>
        <source>Exporting… {0}</source>
        <translation>Wird exportiert… {0}</translation>
    </message>
    <message>
        <source>Exported {0} to {1}.</source>
        <translation>{0} nach {1} exportiert.</translation>
    </message>
    <message>
        <source>The CSV export failed: {0}</source>
        <translation>Der CSV-Export ist fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Click to sort the runs by this column</source>
        <translation>Klicken, um die Durchläufe nach dieser Spalte zu sortieren</translation>
    </message>
    <message>
        <source>Runs cannot be sorted by this column</source>
        <translation>Nach dieser Spalte lassen sich Durchläufe nicht sortieren</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Cancelled: {0}</source>
        <translation>Storniert: {0}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Every dispatched checklist, live as executors work.</source>
        <translation>Jede versendete Checkliste, live, während die Ausführenden arbeiten.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>The selected runs (or, with one or none selected, every run of this list) as PDF reports</source>
        <translation>Die gewählten Durchläufe (oder, mit einem oder keinem gewählten, alle Durchläufe dieser Liste) als PDF-Berichte</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>Liste neu laden</translation>
    </message>
    <message>
        <source>Dispatch run</source>
        <translation>Durchlauf versenden</translation>
    </message>
    <message>
        <source>Executor ref…</source>
        <translation>Referenz…</translation>
    </message>
    <message>
        <source>Shows the runs whose executor ref starts with this (case counts)</source>
        <translation>Zeigt die Durchläufe, deren Referenz hiermit beginnt (Groß- und Kleinschreibung zählt)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Any findings</source>
        <translation>Alle Befunde</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Mit Befunden</translation>
    </message>
    <message>
        <source>Without findings</source>
        <translation>Ohne Befunde</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Alle Vorlagen</translation>
    </message>
    <message>
        <source>Waiting on a device</source>
        <translation>Daten auf Gerät</translation>
    </message>
    <message>
        <source>Only runs whose executor&apos;s device still holds changes not yet sent to the server.</source>
        <translation>Nur Durchläufe, deren Gerät noch Änderungen hält, die nicht an den Server gesendet sind.</translation>
    </message>
    <message>
        <source>One PDF (*.pdf)</source>
        <translation>Eine PDF-Datei (*.pdf)</translation>
    </message>
    <message>
        <source>ZIP of PDFs, one per run (*.zip)</source>
        <translation>ZIP mit einer PDF-Datei je Durchlauf (*.zip)</translation>
    </message>
    <message>
        <source>Save the reports of {0}</source>
        <translation>Die Berichte von {0} speichern</translation>
    </message>
    <message>
        <source>Collecting the runs…</source>
        <translation>Durchläufe werden gesammelt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message>
        <source>Untitled template</source>
        <translation>Unbenannte Vorlage</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · ungespeichert</translation>
    </message>
    <message>
        <source> · saved</source>
        <translation> · gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: ⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>Nicht gespeichert: ⚠ %Ln Problem</numerusform>
            <numerusform>Nicht gespeichert: ⚠ %Ln Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>The template was not saved</source>
        <translation>Die Vorlage wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved: the server has version {0}, newer than the version {1} you are editing. Save again to choose between your version and theirs.</source>
        <translation>Nicht gespeichert: Der Server hat Version {0}, neuer als die Version {1}, die Sie bearbeiten. Speichern Sie erneut, um zwischen Ihrer und der anderen Version zu wählen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>No versions yet</source>
        <translation>Noch keine Versionen</translation>
    </message>
    <message>
        <source>Save the template first; every save keeps a version.</source>
        <translation>Speichern Sie die Vorlage zuerst; jedes Speichern behält eine Version.</translation>
    </message>
    <message>
        <source>Versions unavailable</source>
        <translation>Versionen nicht verfügbar</translation>
    </message>
    <message>
        <source>Restore version {0}</source>
        <translation>Version {0} wiederherstellen</translation>
    </message>
    <message>
        <source>The template was not exported</source>
        <translation>Die Vorlage wurde nicht exportiert</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>{0} konnte nicht geschrieben werden: {1}.</translation>
    </message>
    <message>
        <source>Template exported</source>
        <translation>Vorlage exportiert</translation>
    </message>
    <message>
        <source>“{0}” was saved as {1}.</source>
        <translation>„{0}“ wurde als {1} gespeichert.</translation>
    </message>
</context>
<context>
    <name>SecretReveal</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Section title</source>
        <translation>Abschnittstitel</translation>
    </message>
    <message>
        <source>g-…</source>
        <translation>g-…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Drag steps to reorder them, within this section or into another one. Alt+↑ / Alt+↓ moves the selected step or section.</source>
        <translation>Ziehen Sie Schritte, um sie neu zu ordnen, innerhalb dieses Abschnitts oder in einen anderen. Alt+↑ / Alt+↓ verschiebt den gewählten Schritt oder Abschnitt.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Unlimited runs</source>
        <translation>Unbegrenzte Durchläufe</translation>
    </message>
    <message>
        <source>{0} runs / month</source>
        <translation>{0} Durchläufe / Monat</translation>
    </message>
    <message>
        <source>System default ({0})</source>
        <translation>Systemstandard ({0})</translation>
    </message>
    <message>
        <source>Rundun speaks {0} from its next start.</source>
        <translation>Rundun spricht ab dem nächsten Start {0}.</translation>
    </message>
    <message>
        <source>Run credits: {0} (used once the plan&apos;s runs are spent)</source>
        <translation>Durchlauf-Guthaben: {0} (genutzt, wenn die Durchläufe des Tarifs aufgebraucht sind)</translation>
    </message>
    <message>
        <source>Period {0}</source>
        <translation>Zeitraum {0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>Geben Sie dem Schlüssel einen Namen, damit Sie später wissen, wo er verwendet wird.</translation>
    </message>
    <message>
        <source>New key “{0}”</source>
        <translation>Neuer Schlüssel „{0}“</translation>
    </message>
    <message>
        <source>

This app itself uses this key.</source>
        <translation>

Diese App selbst verwendet diesen Schlüssel.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke “{0}”? Requests with it will be refused.</source>
        <translation>„{0}“ widerrufen? Anfragen damit werden abgelehnt.</translation>
    </message>
    <message>
        <source>The key was revoked.</source>
        <translation>Der Schlüssel wurde widerrufen.</translation>
    </message>
    <message>
        <source>The key was revoked. This app now uses a new key of its own.</source>
        <translation>Der Schlüssel wurde widerrufen. Diese App verwendet jetzt einen eigenen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Enter the member&apos;s name and email.</source>
        <translation>Geben Sie Name und E-Mail-Adresse des Mitglieds ein.</translation>
    </message>
    <message>
        <source>Sign-in token for {0}</source>
        <translation>Anmeldetoken für {0}</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Remove {0}? Their sign-in token stops working.</source>
        <translation>{0} entfernen? Das Anmeldetoken funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <source>The member was removed.</source>
        <translation>Das Mitglied wurde entfernt.</translation>
    </message>
    <message>
        <source>Data in {0}</source>
        <translation>Daten in {0}</translation>
    </message>
    <message>
        <source>API keys are kept in {0}.</source>
        <translation>API-Schlüssel werden in {0} aufbewahrt.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL and an API key for it.</source>
        <translation>Geben Sie die URL des Servers und einen API-Schlüssel dafür ein.</translation>
    </message>
    <message>
        <source>Connected to {0}.</source>
        <translation>Verbunden mit {0}.</translation>
    </message>
    <message>
        <source>Using the embedded server.</source>
        <translation>Der eingebettete Server wird verwendet.</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>Verbindung fehlgeschlagen: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your organisation, its plan, API keys and members, and the server.</source>
        <translation>Ihre Organisation, ihr Tarif, API-Schlüssel und Mitglieder sowie der Server.</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Plan and usage</source>
        <translation>Tarif und Nutzung</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Default link expiry</source>
        <translation>Standardablauf von Links</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Name of the new key, e.g. Booking system</source>
        <translation>Name des neuen Schlüssels, z. B. Buchungssystem</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Copy the API key now: it is shown only this once. Rundun keeps only its SHA-256.</source>
        <translation>Kopieren Sie den API-Schlüssel jetzt: Er wird nur dieses eine Mal angezeigt. Rundun behält nur seinen SHA-256.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Copy the sign-in token now: it is shown only this once. Rundun keeps only its SHA-256.</source>
        <translation>Kopieren Sie das Anmeldetoken jetzt: Es wird nur dieses eine Mal angezeigt. Rundun behält nur seinen SHA-256.</translation>
    </message>
    <message>
        <source>No members yet. A member fills in runs of templates that ask who does them, signing in with a token shown once, here, when they are added.</source>
        <translation>Noch keine Mitglieder. Ein Mitglied füllt Durchläufe von Vorlagen aus, die fragen, wer sie ausfüllt, und meldet sich mit einem Token an, das hier beim Hinzufügen einmal angezeigt wird.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Sprache der App</translation>
    </message>
    <message>
        <source>The words of the app, and how it writes dates and numbers. A template&apos;s own texts are in the languages its designer wrote (the editor&apos;s Translations tab).</source>
        <translation>Die Wörter der App und wie sie Datumsangaben und Zahlen schreibt. Die Texte einer Vorlage stehen in den Sprachen, die ihr Autor geschrieben hat (Reiter Übersetzungen im Editor).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Embedded server on this computer (the default)</source>
        <translation>Eingebetteter Server auf diesem Computer (Standard)</translation>
    </message>
    <message>
        <source>A remote Rundun server</source>
        <translation>Ein entfernter Rundun-Server</translation>
    </message>
    <message>
        <source>https://api.rundun.example</source>
        <translation>https://api.rundun.example</translation>
    </message>
    <message>
        <source>rdk_live_…</source>
        <translation>rdk_live_…</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>This app uses a remote server: its links are as that server makes them.</source>
        <translation>Diese App nutzt einen entfernten Server: Seine Links sind so, wie dieser Server sie erstellt.</translation>
    </message>
    <message>
        <source>Run links start with {0}.</source>
        <translation>Durchlauf-Links beginnen mit {0}.</translation>
    </message>
    <message>
        <source>they open on this computer only</source>
        <translation>sie öffnen sich nur auf diesem Computer</translation>
    </message>
    <message>
        <source>phones and computers that reach this address open them</source>
        <translation>Telefone und Computer, die diese Adresse erreichen, öffnen sie</translation>
    </message>
    <message>
        <source>Run links start with {0}: {1}.</source>
        <translation>Durchlauf-Links beginnen mit {0}: {1}.</translation>
    </message>
    <message>
        <source>The server listens on this computer&apos;s network address, {0}: links start with http://{1}:{2}.</source>
        <translation>Der Server lauscht auf der Netzwerkadresse dieses Computers, {0}: Links beginnen mit http://{1}:{2}.</translation>
    </message>
    <message>
        <source>This computer has no local network address right now (is it connected to a network?).</source>
        <translation>Dieser Computer hat gerade keine lokale Netzwerkadresse (ist er mit einem Netzwerk verbunden?).</translation>
    </message>
    <message>
        <source>Enter the public URL, starting with https:// (or http://).</source>
        <translation>Geben Sie die öffentliche URL ein, beginnend mit https:// (oder http://).</translation>
    </message>
    <message>
        <source>This computer has no local network address right now; connect it to a network first.</source>
        <translation>Dieser Computer hat gerade keine lokale Netzwerkadresse; verbinden Sie ihn zuerst mit einem Netzwerk.</translation>
    </message>
    <message>
        <source>Done. {0}</source>
        <translation>Erledigt. {0}</translation>
    </message>
    <message>
        <source>Photos added from now on are scaled to {0} px, JPEG quality {1}.</source>
        <translation>Ab jetzt hinzugefügte Fotos werden auf {0} px skaliert, JPEG-Qualität {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic backups are kept {0}; older ones go at the next daily backup.</source>
        <translation>Automatische Sicherungen werden {0} aufbewahrt; ältere werden bei der nächsten täglichen Sicherung gelöscht.</translation>
    </message>
</context>
<context>
    <name>SharingView</name>
    <message>
        <source>Who can open run links</source>
        <translation>Wer Durchlauf-Links öffnen kann</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Phones and computers on this network</source>
        <translation>Telefone und Computer in diesem Netzwerk</translation>
    </message>
    <message>
        <source>A public URL that forwards to this computer</source>
        <translation>Eine öffentliche URL, die an diesen Computer weiterleitet</translation>
    </message>
    <message>
        <source>Links and QR codes open on this computer only (the safest choice).</source>
        <translation>Links und QR-Codes öffnen sich nur auf diesem Computer (die sicherste Wahl).</translation>
    </message>
    <message>
        <source>https://rundun.example.com (a tunnel or reverse proxy you set up)</source>
        <translation>https://rundun.example.com (ein Tunnel oder Reverse-Proxy, den Sie einrichten)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Restart the embedded server with this choice (a second or so)</source>
        <translation>Den eingebetteten Server mit dieser Wahl neu starten (etwa eine Sekunde)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Photos added in the executor</source>
        <translation>In der Ausführung hinzugefügte Fotos</translation>
    </message>
    <message>
        <source>Scaled down on this computer when they are added, so that they always fit the server; turned upright, with their place and time kept.</source>
        <translation>Beim Hinzufügen auf diesem Computer verkleinert, damit sie immer zum Server passen; aufrecht gedreht, mit Ort und Zeit.</translation>
    </message>
    <message>
        <source>Longest side</source>
        <translation>Längste Seite</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>JPEG-Qualität</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Automatic backups of this workspace</source>
        <translation>Automatische Sicherungen dieses Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Once a day the embedded server&apos;s runs, answers and photos are backed up into the workspace&apos;s backups folder; older automatic backups are deleted.</source>
        <translation>Einmal am Tag werden die Durchläufe, Antworten und Fotos des eingebetteten Servers in den Sicherungsordner des Arbeitsbereichs gesichert; ältere automatische Sicherungen werden gelöscht.</translation>
    </message>
    <message>
        <source>Keep them for</source>
        <translation>Aufbewahren für</translation>
    </message>
</context>
<context>
    <name>SignatureInput</name>
    <message>
        <source>or type your full name</source>
        <translation>oder Ihren vollständigen Namen eingeben</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Unterschrift speichern</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Erneut unterschreiben</translation>
    </message>
    <message>
        <source>Signed (stored on the server)</source>
        <translation>Unterschrieben (auf dem Server gespeichert)</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>Hier unterschreiben</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>⚠ Finding: this answer needs action</source>
        <translation>⚠ Befund: Diese Antwort erfordert Handeln</translation>
    </message>
    <message numerus="yes">
        <source>Takes %Ln photo(s) with the answer</source>
        <translation>
            <numerusform>Nimmt %Ln Foto mit der Antwort auf</numerusform>
            <numerusform>Nimmt %Ln Fotos mit der Antwort auf</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes {0}–{1} photos with the answer</source>
        <translation>Nimmt {0}–{1} Fotos mit der Antwort auf</translation>
    </message>
    <message>
        <source>Records the location</source>
        <translation>Erfasst den Standort</translation>
    </message>
    <message>
        <source>The answer {0}.</source>
        <translation>Die Antwort {0}.</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Datum wählen</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Unterschreiben</translation>
    </message>
    <message>
        <source>(this step&apos;s type is not valid)</source>
        <translation>(der Typ dieses Schritts ist nicht gültig)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Diesen Schritt überspringen</translation>
    </message>
    <message>
        <source>Saved on this computer when you pause typing or leave the field</source>
        <translation>Wird auf diesem Computer gespeichert, sobald Sie beim Tippen innehalten oder das Feld verlassen</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>s-…</source>
        <translation>s-…</translation>
    </message>
    <message>
        <source>The step id (s-…) that answers and conditions refer to</source>
        <translation>Die Schritt-ID (s-…), auf die sich Antworten und Bedingungen beziehen</translation>
    </message>
    <message>
        <source>What the executor is asked</source>
        <translation>Was die ausführende Person gefragt wird</translation>
    </message>
    <message>
        <source>Optional help under the label</source>
        <translation>Optionaler Hilfetext</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Record the location</source>
        <translation>Standort erfassen</translation>
    </message>
    <message>
        <source>Record where the executor is when answering (GPS), with the answer</source>
        <translation>Beim Antworten den Standort der ausführenden Person (GPS) mit der Antwort erfassen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Answer settings</source>
        <translation>Antworteinstellungen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>{0} step</source>
        <translation>Schritt: {0}</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>Unbekannter Typ</translation>
    </message>
</context>
<context>
    <name>StructureModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Section {0} · {1}</source>
        <translation>Abschnitt {0} · {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln Schritt</numerusform>
            <numerusform>%Ln Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} step {1}</source>
        <translation>Schritt {1} ({0})</translation>
    </message>
    <message>
        <source>
Shown {0}</source>
        <translation>
Angezeigt {0}</translation>
    </message>
</context>
<context>
    <name>StructureTree</name>
    <message>
        <source>No sections yet. Add one with Add section ({0}).</source>
        <translation>Noch keine Abschnitte. Fügen Sie einen mit „Abschnitt hinzufügen“ ({0}) hinzu.</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Try to send every waiting change now</source>
        <translation>Jetzt versuchen, jede wartende Änderung zu senden</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The run is {0}.</source>
        <translation>Der Durchlauf ist {0}.</translation>
    </message>
    <message>
        <source>This version cannot send a &apos;{0}&apos; change.</source>
        <translation>Diese Version kann keine Änderung vom Typ „{0}“ senden.</translation>
    </message>
    <message>
        <source>This photo is {0}; the server refused it as too large.</source>
        <translation>Dieses Foto ist {0} groß; der Server hat es als zu groß abgelehnt.</translation>
    </message>
    <message>
        <source>The photo file is missing on this computer; add the photo again.</source>
        <translation>Die Fotodatei fehlt auf diesem Computer; fügen Sie das Foto erneut hinzu.</translation>
    </message>
    <message>
        <source>The server did not complete the run:
</source>
        <translation>Der Server hat den Durchlauf nicht abgeschlossen:
</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Nothing to send yet</source>
        <translation>Noch nichts zu senden</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Noch nicht verbunden</translation>
    </message>
    <message>
        <source>everything is synced</source>
        <translation>alles ist synchronisiert</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>nichts wartet</translation>
    </message>
    <message>
        <source>No answer from the server for {0} s</source>
        <translation>Keine Antwort vom Server seit {0} s</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>wird synchronisiert…</translation>
    </message>
    <message>
        <source>next try in {0} s</source>
        <translation>nächster Versuch in {0} s</translation>
    </message>
    <message>
        <source>{0} refused by the server</source>
        <translation>{0} vom Server abgelehnt</translation>
    </message>
</context>
<context>
    <name>TemplateListController</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Dispatch run…</source>
        <translation>Durchlauf versenden…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln Vorlage</numerusform>
            <numerusform>%Ln Vorlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Copy of {0}</source>
        <translation>Kopie von {0}</translation>
    </message>
    <message>
        <source>Could not duplicate the template</source>
        <translation>Die Vorlage konnte nicht dupliziert werden</translation>
    </message>
    <message>
        <source>Could not delete the template</source>
        <translation>Die Vorlage konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Could not import the file</source>
        <translation>Die Datei konnte nicht importiert werden</translation>
    </message>
    <message>
        <source>Not a template</source>
        <translation>Keine Vorlage</translation>
    </message>
    <message>
        <source>Could not export the template</source>
        <translation>Die Vorlage konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>This server cannot generate templates yet.</source>
        <translation>Dieser Server kann noch keine Vorlagen erzeugen.</translation>
    </message>
</context>
<context>
    <name>TemplateListView</name>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>Vorlagen suchen</translation>
    </message>
    <message>
        <source>Finds templates by their name and description</source>
        <translation>Findet Vorlagen nach Name und Beschreibung</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>From library…</source>
        <translation>Aus der Bibliothek…</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Erzeugen…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Dispatch run…</source>
        <translation>Durchlauf versenden…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>No templates yet.
Start from one of the library&apos;s ready-made checklists, describe one to generate it, build one step by step, or import a .json file.</source>
        <translation>Noch keine Vorlagen.
Beginnen Sie mit einer fertigen Checkliste aus der Bibliothek, beschreiben Sie eine, um sie erzeugen zu lassen, bauen Sie eine Schritt für Schritt auf oder importieren Sie eine .json-Datei.</translation>
    </message>
    <message>
        <source>Start from the library…</source>
        <translation>Aus der Bibliothek beginnen…</translation>
    </message>
    <message>
        <source>Generate from a description…</source>
        <translation>Aus einer Beschreibung erzeugen…</translation>
    </message>
    <message>
        <source>No template matches the search or the tag chosen.</source>
        <translation>Keine Vorlage passt zur Suche oder zum gewählten Schlagwort.</translation>
    </message>
</context>
<context>
    <name>TemplatePanel</name>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Name der Vorlage</translation>
    </message>
    <message>
        <source>What this checklist is for (optional)</source>
        <translation>Wofür diese Checkliste ist (optional)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. vehicle, rental</source>
        <translation>Durch Kommas getrennt, z. B. Fahrzeug, Vermietung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The executor may skip steps</source>
        <translation>Schritte dürfen übersprungen werden</translation>
    </message>
    <message>
        <source>Ask for a signature on completion</source>
        <translation>Unterschrift beim Abschluss</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Geschätzte Dauer</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Anyone with the link</source>
        <translation>Jeder mit dem Link</translation>
    </message>
    <message>
        <source>Members of the organisation only</source>
        <translation>Nur Mitglieder der Organisation</translation>
    </message>
    <message>
        <source>No identity asked</source>
        <translation>Keine Identität abgefragt</translation>
    </message>
    <message>
        <source>Name and email</source>
        <translation>Name und E-Mail</translation>
    </message>
    <message>
        <source>A signed-in member</source>
        <translation>Ein angemeldetes Mitglied</translation>
    </message>
    <message>
        <source>Who may run it</source>
        <translation>Wer ihn ausführen darf</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>“{0}” has changes that were not saved when Rundun last closed (kept {1}). Recover them to go on editing, or discard them.</source>
        <translation>„{0}“ hat Änderungen, die beim letzten Beenden von Rundun nicht gespeichert waren (aufbewahrt {1}). Stellen Sie sie wieder her, um weiterzuarbeiten, oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Could not open the template</source>
        <translation>Die Vorlage konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen wiederherstellen</translation>
    </message>
</context>
<context>
    <name>Thumb</name>
    <message>
        <source> · on the server (not on this computer)</source>
        <translation> · auf dem Server (nicht auf diesem Computer)</translation>
    </message>
    <message>
        <source>Photo {0} · {1}{2} — Delete, twice, removes it</source>
        <translation>Foto {0} · {1}{2} — zweimal Entf entfernt es</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>Foto {0}</translation>
    </message>
    <message>
        <source>Remove?</source>
        <translation>Entfernen?</translation>
    </message>
    <message>
        <source>Click again to remove this photo; Escape keeps it</source>
        <translation>Nochmals klicken, um dieses Foto zu entfernen; Esc behält es</translation>
    </message>
    <message>
        <source>Remove this photo</source>
        <translation>Dieses Foto entfernen</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Keine Vorschau</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <source>Loading photo…</source>
        <translation>Foto wird geladen…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Keine Vorschau</translation>
    </message>
    <message>
        <source>This photo&apos;s format cannot be previewed here.</source>
        <translation>Das Format dieses Fotos kann hier nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Click to view</source>
        <translation>Zum Ansehen klicken</translation>
    </message>
</context>
<context>
    <name>TimeInput</name>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
</context>
<context>
    <name>TranslationTableModel</name>
    <message>
        <source>Translated from “{0}”; the source now reads “{1}”. Check the translation.</source>
        <translation>Übersetzt aus „{0}“; der Ausgangstext lautet jetzt „{1}“. Prüfen Sie die Übersetzung.</translation>
    </message>
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
        <source>{0}, the source</source>
        <translation>{0}, die Quelle</translation>
    </message>
    <message numerus="yes">
        <source>%Ln translation(s) to check: the source changed after they were translated (highlighted).</source>
        <translation>
            <numerusform>%Ln Übersetzung zu prüfen: ihr Ausgangstext wurde nach der Übersetzung geändert (hervorgehoben).</numerusform>
            <numerusform>%Ln Übersetzungen zu prüfen: ihr Ausgangstext wurde nach der Übersetzung geändert (hervorgehoben).</numerusform>
        </translation>
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
        <source>Remove language {0}</source>
        <translation>Sprache {0} entfernen</translation>
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
        <translation>Neue Sprache…</translation>
    </message>
    <message>
        <source>Remove language…</source>
        <translation>Sprache entfernen…</translation>
    </message>
    <message>
        <source>Remove the chosen language and its translations from the template</source>
        <translation>Die gewählte Sprache und ihre Übersetzungen aus der Vorlage entfernen</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Sprache hinzufügen</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), e.g. de, es, ar, pt-BR, or the language&apos;s name in English or in its own language (Arabic, العربية):</source>
        <translation>Sprach-Tag (BCP 47), z. B. de, es, ar, pt-BR, oder der Name der Sprache auf Englisch oder in der Sprache selbst (Arabic, العربية):</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>Sprache entfernen</translation>
    </message>
    <message>
        <source>Remove {0} from this template?</source>
        <translation>{0} aus dieser Vorlage entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln translated text(s) go with it. Runs already dispatched in it keep theirs.</source>
        <translation>
            <numerusform>%Ln übersetzter Text wird mit entfernt. Bereits in ihr versendete Durchläufe behalten ihre Texte.</numerusform>
            <numerusform>%Ln übersetzte Texte werden mit entfernt. Bereits in ihr versendete Durchläufe behalten ihre Texte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} entfernen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
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
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Gespeicherte Versionen</translation>
    </message>
    <message>
        <source>v{0}  ·  {1}</source>
        <translation>v{0}  ·  {1}</translation>
    </message>
    <message>
        <source>Restore into the editor</source>
        <translation>Im Editor wiederherstellen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Changes from</source>
        <translation>Änderungen von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>This is the only version so far.</source>
        <translation>Dies ist bisher die einzige Version.</translation>
    </message>
    <message>
        <source>From version {0} to version {1}:</source>
        <translation>Von Version {0} zu Version {1}:</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
</context>
<context>
    <name>WorkspaceBackups</name>
    <message>
        <source>The backup of {0} ({1}, {2}) is checked and ready. Rundun uses it from its next start; the current workspace is kept beside it.</source>
        <translation>Die Sicherung von {0} ({1}, {2}) ist geprüft und bereit. Rundun verwendet sie ab dem nächsten Start; der aktuelle Arbeitsbereich wird daneben aufbewahrt.</translation>
    </message>
    <message>
        <source>A passphrase to encrypt the backup (leave empty for none):</source>
        <translation>Eine Passphrase zum Verschlüsseln der Sicherung (leer lassen für keine):</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>Der Arbeitsbereich wird gesichert…</translation>
    </message>
    <message>
        <source>{0}, {1}, {2} and {3} saved to {4}.</source>
        <translation>{0}, {1}, {2} und {3} gespeichert unter {4}.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The backup was not written: {0}</source>
        <translation>Die Sicherung wurde nicht geschrieben: {0}</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Sicherung geschrieben</translation>
    </message>
    <message>
        <source>The same passphrase again, to be sure of it:</source>
        <translation>Dieselbe Passphrase noch einmal, zur Sicherheit:</translation>
    </message>
    <message>
        <source>The two passphrases differ. A passphrase to encrypt the backup (leave empty for none):</source>
        <translation>Die beiden Passphrasen unterscheiden sich. Eine Passphrase zum Verschlüsseln der Sicherung (leer lassen für keine):</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Die Sicherung wird geprüft…</translation>
    </message>
    <message>
        <source>This backup is encrypted. Its passphrase:</source>
        <translation>Diese Sicherung ist verschlüsselt. Ihre Passphrase:</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup. Try again:</source>
        <translation>Diese Passphrase öffnet die Sicherung nicht. Noch einmal:</translation>
    </message>
    <message>
        <source>Restore refused</source>
        <translation>Wiederherstellung abgelehnt</translation>
    </message>
    <message>
        <source>Nothing was changed: {0}</source>
        <translation>Nichts wurde geändert: {0}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Another backup is being written; try again in a moment.</source>
        <translation>Eine andere Sicherung wird gerade geschrieben; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>automatic backup failed: {0}</source>
        <translation>automatische Sicherung fehlgeschlagen: {0}</translation>
    </message>
</context>
<context>
    <name>answers</name>
    <message>
        <source> (±{0:g} m)</source>
        <translation> (±{0:g} m)</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterschrieben</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht unterschrieben</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>Andere Antworten</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Hidden (its condition was not met)</source>
        <translation>Ausgeblendet (seine Bedingung war nicht erfüllt)</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Server disk full: changes are not being saved. Free some space; this clears by itself.</source>
        <translation>Serverfestplatte voll: Änderungen werden nicht gespeichert. Geben Sie etwas Speicherplatz frei; die Meldung verschwindet von selbst.</translation>
    </message>
    <message>
        <source>A remote server is backed up by its operator (rundun-server backup).</source>
        <translation>Ein entfernter Server wird von seinem Betreiber gesichert (rundun-server backup).</translation>
    </message>
</context>
<context>
    <name>backup_view</name>
    <message>
        <source>Rundun backups (*.rdbk);;All files (*)</source>
        <translation>Rundun-Sicherungen (*.rdbk);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <source>Run {0} of {1}</source>
        <translation>Durchlauf {0} von {1}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>Take a photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Runs per week, by status now</source>
        <translation>Durchläufe pro Woche, nach aktuellem Status</translation>
    </message>
    <message>
        <source>Runs per day, by status now</source>
        <translation>Durchläufe pro Tag, nach aktuellem Status</translation>
    </message>
    <message>
        <source>⚠ finding</source>
        <translation>⚠ Befund</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>{0} (version {1}, changed {2})</source>
        <translation>{0} (Version {1}, geändert {2})</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Alle Vorlagen</translation>
    </message>
</context>
<context>
    <name>condition_text</name>
    <message>
        <source>Yes / no</source>
        <translation>Ja / Nein</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Einfachauswahl</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>ist größer als</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>ist mindestens</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>ist kleiner als</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>ist höchstens</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>ist nach</translation>
    </message>
    <message>
        <source>is on or after</source>
        <translation>ist am oder nach</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>ist vor</translation>
    </message>
    <message>
        <source>is on or before</source>
        <translation>ist am oder vor</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist eines von</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>ist keines von</translation>
    </message>
    <message>
        <source>is answered</source>
        <translation>ist beantwortet</translation>
    </message>
    <message>
        <source>is not answered</source>
        <translation>ist nicht beantwortet</translation>
    </message>
    <message>
        <source>{0} is {1}</source>
        <translation>{0} {1} ist</translation>
    </message>
    <message>
        <source>{0} is not {1}</source>
        <translation>{0} nicht {1} ist</translation>
    </message>
    <message>
        <source>{0} is more than {1}</source>
        <translation>{0} größer als {1} ist</translation>
    </message>
    <message>
        <source>{0} is at least {1}</source>
        <translation>{0} mindestens {1} ist</translation>
    </message>
    <message>
        <source>{0} is less than {1}</source>
        <translation>{0} kleiner als {1} ist</translation>
    </message>
    <message>
        <source>{0} is at most {1}</source>
        <translation>{0} höchstens {1} ist</translation>
    </message>
    <message>
        <source>{0} is one of {1}</source>
        <translation>{0} {1} ist</translation>
    </message>
    <message>
        <source>{0} is none of {1}</source>
        <translation>{0} keines von {1} ist</translation>
    </message>
    <message>
        <source>{0} contains {1}</source>
        <translation>{0} {1} enthält</translation>
    </message>
    <message>
        <source>{0} is answered</source>
        <translation>{0} beantwortet ist</translation>
    </message>
    <message>
        <source>{0} is not answered</source>
        <translation>{0} nicht beantwortet ist</translation>
    </message>
    <message>
        <source>{0} is after {1}</source>
        <translation>{0} nach dem {1} liegt</translation>
    </message>
    <message>
        <source>{0} is on or after {1}</source>
        <translation>{0} am {1} oder danach liegt</translation>
    </message>
    <message>
        <source>{0} is before {1}</source>
        <translation>{0} vor dem {1} liegt</translation>
    </message>
    <message>
        <source>{0} is on or before {1}</source>
        <translation>{0} am {1} oder davor liegt</translation>
    </message>
    <message>
        <source>{0} includes {1}</source>
        <translation>bei {0} {1} gewählt ist</translation>
    </message>
    <message>
        <source>includes</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} oder {1}</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} und {1}</translation>
    </message>
    <message>
        <source>only if {0}</source>
        <translation>nur wenn {0}</translation>
    </message>
</context>
<context>
    <name>config_view</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Label for yes</source>
        <translation>Beschriftung für Ja</translation>
    </message>
    <message>
        <source>Label for no</source>
        <translation>Beschriftung für Nein</translation>
    </message>
    <message>
        <source>e.g. km, °C, kg</source>
        <translation>z. B. km, °C, kg</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>kein Minimum</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>kein Maximum</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Decimal places allowed in the answer</source>
        <translation>In der Antwort erlaubte Nachkommastellen</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Decimal places</source>
        <translation>Nachkommastellen</translation>
    </message>
    <message>
        <source>Several lines (a text area)</source>
        <translation>Mehrere Zeilen (ein Textbereich)</translation>
    </message>
    <message>
        <source>Shown in the empty field</source>
        <translation>Im leeren Feld angezeigt</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Maximale Länge</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Mindestens</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <source>e.g. Poor</source>
        <translation>z. B. Schlecht</translation>
    </message>
    <message>
        <source>e.g. Excellent</source>
        <translation>z. B. Ausgezeichnet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Label of the low end</source>
        <translation>Beschriftung des unteren Endes</translation>
    </message>
    <message>
        <source>Label of the high end</source>
        <translation>Beschriftung des oberen Endes</translation>
    </message>
    <message>
        <source>The photos are the answer of a photo step.</source>
        <translation>Die Fotos sind die Antwort eines Fotoschritts.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (none)</source>
        <translation>JJJJ-MM-TT (keine)</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>Frühestens</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Spätestens</translation>
    </message>
    <message>
        <source>What the executor should read or do</source>
        <translation>Was die ausführende Person lesen oder tun soll</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>A time step asks for HH:MM and has nothing to set.</source>
        <translation>Ein Uhrzeitschritt fragt nach HH:MM und hat nichts einzustellen.</translation>
    </message>
    <message>
        <source>A signature step asks for exactly one signature image.</source>
        <translation>Ein Unterschriftsschritt fragt nach genau einem Unterschriftsbild.</translation>
    </message>
</context>
<context>
    <name>device_words</name>
    <message>
        <source>{0} · {1} on the device</source>
        <translation>{0} · {1} auf dem Gerät</translation>
    </message>
    <message>
        <source>{0} on the device</source>
        <translation>{0} auf dem Gerät</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Alles gesendet</translation>
    </message>
    <message>
        <source>last contact {0}</source>
        <translation>letzter Kontakt {0}</translation>
    </message>
    <message>
        <source>No device has reported on this run yet (it was never opened by the desktop app, or by an app that does not say what it still holds).</source>
        <translation>Noch kein Gerät hat zu diesem Durchlauf berichtet (er wurde nie in der Desktop-App geöffnet oder in einer App, die nicht meldet, was sie noch hält).</translation>
    </message>
    <message>
        <source>The executor&apos;s device{0} had sent everything it held for this run.</source>
        <translation>Das Gerät der ausführenden Person{0} hatte alles gesendet, was es für diesen Durchlauf hielt.</translation>
    </message>
    <message>
        <source>{0} refused by the server and kept on the device for the executor to fix.</source>
        <translation>Der Server hat {0} abgelehnt; das Gerät behält alles, damit die ausführende Person es korrigiert.</translation>
    </message>
    <message>
        <source>Last contact {0} ({1}).</source>
        <translation>Letzter Kontakt {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>diff</name>
    <message>
        <source>Skipping steps allowed</source>
        <translation>Überspringen von Schritten erlaubt</translation>
    </message>
    <message>
        <source>Signature on completion</source>
        <translation>Unterschrift beim Abschluss</translation>
    </message>
    <message>
        <source>Estimated minutes</source>
        <translation>Geschätzte Minuten</translation>
    </message>
    <message>
        <source>Who may run it</source>
        <translation>Wer ihn ausführen darf</translation>
    </message>
    <message>
        <source>Identity required</source>
        <translation>Identität erforderlich</translation>
    </message>
    <message>
        <source>Language removed: {0}</source>
        <translation>Sprache entfernt: {0}</translation>
    </message>
    <message>
        <source>Language added: {0}</source>
        <translation>Sprache hinzugefügt: {0}</translation>
    </message>
    <message>
        <source>Source language</source>
        <translation>Ausgangssprache</translation>
    </message>
    <message>
        <source>Added section “{0}”</source>
        <translation>Abschnitt „{0}“ hinzugefügt</translation>
    </message>
    <message>
        <source>Section “{0}” renamed to “{1}”</source>
        <translation>Abschnitt „{0}“ umbenannt in „{1}“</translation>
    </message>
    <message>
        <source>Removed section “{0}” and its steps</source>
        <translation>Abschnitt „{0}“ und seine Schritte entfernt</translation>
    </message>
    <message>
        <source>Sections reordered: </source>
        <translation>Abschnitte neu geordnet: </translation>
    </message>
    <message>
        <source>Added {0} step “{1}” to “{2}”</source>
        <translation>Schritt ({0}) „{1}“ zu „{2}“ hinzugefügt</translation>
    </message>
    <message>
        <source>Removed step “{0}” from “{1}”</source>
        <translation>Schritt „{0}“ aus „{1}“ entfernt</translation>
    </message>
    <message>
        <source>Step “{0}”</source>
        <translation>Schritt „{0}“</translation>
    </message>
    <message>
        <source>{0} moved from “{1}” to “{2}”</source>
        <translation>{0} von „{1}“ nach „{2}“ verschoben</translation>
    </message>
    <message>
        <source>always shown</source>
        <translation>immer angezeigt</translation>
    </message>
    <message>
        <source>{0}: now {1} (was: {2})</source>
        <translation>{0}: jetzt {1} (vorher: {2})</translation>
    </message>
    <message>
        <source>{0}: added option “{1}”</source>
        <translation>{0}: Option „{1}“ hinzugefügt</translation>
    </message>
    <message>
        <source>{0}: option “{1}” renamed to “{2}”</source>
        <translation>{0}: Option „{1}“ umbenannt in „{2}“</translation>
    </message>
    <message>
        <source>{0}: removed option “{1}”</source>
        <translation>{0}: Option „{1}“ entfernt</translation>
    </message>
    <message>
        <source>{0}: options reordered</source>
        <translation>{0}: Optionen neu geordnet</translation>
    </message>
</context>
<context>
    <name>dispatch_view</name>
    <message>
        <source>Scan to open the run on a phone, or send the link.</source>
        <translation>Scannen, um den Durchlauf auf einem Telefon zu öffnen, oder den Link senden.</translation>
    </message>
    <message>
        <source>This link works on this computer only: the embedded server is not shared. To open runs on a phone or another computer, share it on the local network or give it a public URL in Settings → Sharing.</source>
        <translation>Dieser Link funktioniert nur auf diesem Computer: Der eingebettete Server ist nicht freigegeben. Um Durchläufe auf einem Telefon oder einem anderen Computer zu öffnen, geben Sie ihn im lokalen Netzwerk frei oder geben Sie ihm unter Einstellungen → Freigabe eine öffentliche URL.</translation>
    </message>
</context>
<context>
    <name>doc</name>
    <message>
        <source>The template must be a JSON object.</source>
        <translation>Die Vorlage muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>sections must be a list.</source>
        <translation>sections muss eine Liste sein.</translation>
    </message>
    <message>
        <source>sections[{0}] must be an object.</source>
        <translation>sections[{0}] muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>sections[{0}].steps must be a list.</source>
        <translation>sections[{0}].steps muss eine Liste sein.</translation>
    </message>
    <message>
        <source>sections[{0}].steps[{1}] must be an object.</source>
        <translation>sections[{0}].steps[{1}] muss ein Objekt sein.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>could not write {0}</source>
        <translation>{0} konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>factory</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Option 1</source>
        <translation>Option 1</translation>
    </message>
    <message>
        <source>Untitled template</source>
        <translation>Unbenannte Vorlage</translation>
    </message>
    <message>
        <source>Section 1</source>
        <translation>Abschnitt 1</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Neuer Schritt</translation>
    </message>
</context>
<context>
    <name>flag_text</name>
    <message>
        <source>A finding when the answer is {0}</source>
        <translation>Ein Befund, wenn die Antwort {0} ist</translation>
    </message>
    <message>
        <source>A finding when {0} is chosen</source>
        <translation>Ein Befund, wenn {0} gewählt wird</translation>
    </message>
    <message>
        <source>A finding when any of {0} is chosen</source>
        <translation>Ein Befund, wenn eines von {0} gewählt wird</translation>
    </message>
    <message>
        <source>below {0}</source>
        <translation>unter {0}</translation>
    </message>
    <message>
        <source>above {0}</source>
        <translation>über {0}</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} oder {1}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>link revoked</source>
        <translation>Link widerrufen</translation>
    </message>
    <message>
        <source>the executor gave up</source>
        <translation>von der ausführenden Person abgebrochen</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} T.</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>in {0}</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>vor {0}</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>generate_dialog</name>
    <message>
        <source>Made by the offline generator; set RUNDUN_LLM_BASE_URL on the server to use a language model.</source>
        <translation>Vom Offline-Generator erstellt; setzen Sie RUNDUN_LLM_BASE_URL auf dem Server, um ein Sprachmodell zu verwenden.</translation>
    </message>
    <message>
        <source>a language model</source>
        <translation>einem Sprachmodell</translation>
    </message>
    <message>
        <source>, starting from the library template &apos;{0}&apos;</source>
        <translation>, ausgehend von der Bibliotheksvorlage „{0}“</translation>
    </message>
    <message>
        <source>Made by {0}{1}.</source>
        <translation>Erstellt von {0}{1}.</translation>
    </message>
    <message>
        <source>Built from the library template &apos;{0}&apos; plus {1}.</source>
        <translation>Aus der Bibliotheksvorlage „{0}“ erstellt, dazu {1}.</translation>
    </message>
    <message>
        <source>Built from the library template &apos;{0}&apos;.</source>
        <translation>Aus der Bibliotheksvorlage „{0}“ erstellt.</translation>
    </message>
    <message>
        <source>No library template matched: built from the {0}.</source>
        <translation>Keine Bibliotheksvorlage passte; Grundlage: {0}.</translation>
    </message>
    <message>
        <source>No library template matched and the prompt lists no items: a general checklist.</source>
        <translation>Keine Bibliotheksvorlage passte und die Eingabe nennt keine Punkte: eine allgemeine Checkliste.</translation>
    </message>
    <message>
        <source>The language model gave no usable answer, so the offline generator made it. </source>
        <translation>Das Sprachmodell gab keine brauchbare Antwort, daher hat der Offline-Generator sie erstellt. </translation>
    </message>
</context>
<context>
    <name>headers</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Mit Befunden</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt aktualisiert</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführende</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>On the device</source>
        <translation>Auf dem Gerät</translation>
    </message>
</context>
<context>
    <name>history_words</name>
    <message>
        <source>lost: a newer answer was already stored</source>
        <translation>verloren: eine neuere Antwort war bereits gespeichert</translation>
    </message>
    <message>
        <source>sent again (already received)</source>
        <translation>erneut gesendet (bereits empfangen)</translation>
    </message>
    <message>
        <source>photo {n} added</source>
        <translation>Foto {n} hinzugefügt</translation>
    </message>
    <message>
        <source>photo {n} removed</source>
        <translation>Foto {n} entfernt</translation>
    </message>
    <message>
        <source>received {0}</source>
        <translation>empfangen {0}</translation>
    </message>
    <message>
        <source>device {0} · received {1}</source>
        <translation>Gerät {0} · empfangen {1}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>English</source>
        <translation>Deutsch</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <source> Opening a run needs the network once; after that it works offline.</source>
        <translation> Zum Öffnen eines Durchlaufs braucht es einmal das Netzwerk; danach funktioniert er offline.</translation>
    </message>
    <message>
        <source> It opens by itself as soon as the server answers.</source>
        <translation> Er öffnet sich von selbst, sobald der Server antwortet.</translation>
    </message>
    <message>
        <source>Someone else has already opened this run.</source>
        <translation>Jemand anderes hat diesen Durchlauf bereits geöffnet.</translation>
    </message>
    <message>
        <source>This run has expired; it can no longer be opened.</source>
        <translation>Dieser Durchlauf ist abgelaufen; er kann nicht mehr geöffnet werden.</translation>
    </message>
    <message>
        <source>This run is already finished.</source>
        <translation>Dieser Durchlauf ist bereits beendet.</translation>
    </message>
</context>
<context>
    <name>inbox_model</name>
    <message>
        <source>Refused by the server</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Completed here · {0}</source>
        <translation>Hier abgeschlossen · {0}</translation>
    </message>
    <message>
        <source>Completed here</source>
        <translation>Hier abgeschlossen</translation>
    </message>
    <message>
        <source>Given up here · waiting to sync</source>
        <translation>Hier aufgegeben · wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>Alles synchronisiert</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>läuft ab {0}</translation>
    </message>
</context>
<context>
    <name>inputs</name>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} bis {1}</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>mindestens {0}</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>höchstens {0}</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>from {0} to {1}</source>
        <translation>vom {0} bis zum {1}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>ab dem {0}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>bis zum {0}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>Paste a run link first.</source>
        <translation>Fügen Sie zuerst einen Durchlauf-Link ein.</translation>
    </message>
    <message>
        <source>A rundun:// link looks like {0}; this one does not.</source>
        <translation>Ein rundun://-Link sieht so aus: {0}; dieser nicht.</translation>
    </message>
    <message>
        <source>That web address is not a run link (it should end in /r/r-…).</source>
        <translation>Diese Webadresse ist kein Durchlauf-Link (sie sollte auf /r/r-… enden).</translation>
    </message>
    <message>
        <source>That is not a run link: paste the https://…/r/… link you were sent, or a rundun://r/… link.</source>
        <translation>Das ist kein Durchlauf-Link: Fügen Sie den erhaltenen https://…/r/…-Link oder einen rundun://r/…-Link ein.</translation>
    </message>
    <message>
        <source>Wrote {0}.</source>
        <translation>{0} geschrieben.</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} fehlgeschlagen: {1}</translation>
    </message>
    <message>
        <source>rundun:// links now open Rundun.</source>
        <translation>rundun://-Links öffnen jetzt Rundun.</translation>
    </message>
    <message>
        <source>On macOS, rundun:// links open Rundun once it is installed from its app bundle (the bundle declares the scheme); a copy run from source cannot register it.</source>
        <translation>Unter macOS öffnen rundun://-Links Rundun, sobald es aus seinem App-Paket installiert ist (das Paket meldet das Schema an); eine aus dem Quellcode gestartete Kopie kann es nicht registrieren.</translation>
    </message>
    <message>
        <source>Registering rundun:// is not supported on {0}.</source>
        <translation>Das Registrieren von rundun:// wird unter {0} nicht unterstützt.</translation>
    </message>
    <message>
        <source>The Windows registry exists only on Windows.</source>
        <translation>Die Windows-Registrierung gibt es nur unter Windows.</translation>
    </message>
    <message>
        <source>Registered rundun:// for this Windows user; rundun:// links now open Rundun.</source>
        <translation>rundun:// für diesen Windows-Benutzer registriert; rundun://-Links öffnen jetzt Rundun.</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Dispatched</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <source>runs created in the period</source>
        <translation>im Zeitraum erstellte Durchläufe</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>of them completed</source>
        <translation>davon abgeschlossen</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <source>completed ÷ dispatched</source>
        <translation>abgeschlossen ÷ versendet</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Mittlere Dauer</translation>
    </message>
    <message>
        <source>from opening to completion</source>
        <translation>vom Öffnen bis zum Abschluss</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Mit Befunden</translation>
    </message>
    <message>
        <source>runs with at least one finding</source>
        <translation>Durchläufe mit mindestens einem Befund</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>not finished in time</source>
        <translation>nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <source>⚠ finding</source>
        <translation>⚠ Befund</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>A rundun:// link names no server: connect to the run&apos;s server in Settings first.</source>
        <translation>Ein rundun://-Link nennt keinen Server: Verbinden Sie sich zuerst unter Einstellungen mit dem Server des Durchlaufs.</translation>
    </message>
    <message>
        <source>This run asks for your name and email before it opens.</source>
        <translation>Dieser Durchlauf fragt nach Ihrem Namen und Ihrer E-Mail-Adresse, bevor er sich öffnet.</translation>
    </message>
    <message>
        <source>Only a member of the organisation may open this run: paste your member sign-in token (rdm_…).</source>
        <translation>Nur ein Mitglied der Organisation darf diesen Durchlauf öffnen: Fügen Sie Ihr Anmeldetoken als Mitglied ein (rdm_…).</translation>
    </message>
    <message>
        <source>That member token was refused: </source>
        <translation>Dieses Mitgliedstoken wurde abgelehnt: </translation>
    </message>
    <message>
        <source>This run is not on the server this app is connected to ({0}); a rundun:// link does not say which server a run is on. Paste the full https://… link you were sent, or connect to that run&apos;s server.</source>
        <translation>Dieser Durchlauf ist nicht auf dem Server, mit dem die App verbunden ist ({0}); ein rundun://-Link sagt nicht, auf welchem Server ein Durchlauf liegt. Fügen Sie den vollständigen https://…-Link ein, den Sie erhalten haben, oder verbinden Sie sich mit dem Server dieses Durchlaufs.</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>{0} (version {1})</source>
        <translation>{0} (Version {1})</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführende Person</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Rundun run report</source>
        <translation>Rundun-Durchlaufbericht</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>[photo {0} not available]</source>
        <translation>[Foto {0} nicht verfügbar]</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>[signature image not available]</source>
        <translation>[Unterschriftsbild nicht verfügbar]</translation>
    </message>
    <message>
        <source>Generated by Rundun on {0}.</source>
        <translation>Erstellt von Rundun am {0}.</translation>
    </message>
    <message>
        <source>lost: {0} ({1})</source>
        <translation>verloren: {0} ({1})</translation>
    </message>
    <message>
        <source>cannot write in {0}</source>
        <translation>kann nicht in {0} schreiben</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>Durchlauf {0}</translation>
    </message>
</context>
<context>
    <name>photo_intake</name>
    <message>
        <source>Rundun stopped before it could keep this image.</source>
        <translation>Rundun wurde beendet, bevor es dieses Bild behalten konnte.</translation>
    </message>
    <message>
        <source>The photo {0}, added at {1}, was not kept: {2}</source>
        <translation>Das Foto {0}, hinzugefügt um {1}, wurde nicht behalten: {2}</translation>
    </message>
    <message>
        <source>An image dropped or pasted here at {0} was not kept: {1}</source>
        <translation>Ein Bild, das hier um {0} abgelegt oder eingefügt wurde, wurde nicht behalten: {1}</translation>
    </message>
    <message>
        <source>Add it again.</source>
        <translation>Fügen Sie es erneut hinzu.</translation>
    </message>
</context>
<context>
    <name>photo_prep</name>
    <message>
        <source>This file is not a photo the server takes: it must be a JPEG, PNG, WebP or HEIC image.</source>
        <translation>Diese Datei ist kein Foto, das der Server annimmt: Es muss ein JPEG-, PNG-, WebP- oder HEIC-Bild sein.</translation>
    </message>
    <message>
        <source>This file is empty (0 bytes): it holds no photo. Copy or save the photo again, then add it.</source>
        <translation>Diese Datei ist leer (0 Byte): Sie enthält kein Foto. Kopieren oder speichern Sie das Foto erneut und fügen Sie es dann hinzu.</translation>
    </message>
    <message>
        <source>This image has too many pixels to open (over 178 megapixels); it is not a photo to send.</source>
        <translation>Dieses Bild hat zu viele Pixel zum Öffnen (über 178 Megapixel); es ist kein Foto zum Senden.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>{0} kann nicht gelesen werden: {1}.</translation>
    </message>
    <message>
        <source>This photo&apos;s file is damaged; it cannot be read.</source>
        <translation>Die Datei dieses Fotos ist beschädigt; sie kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>photo_words</name>
    <message>
        <source>This photo is {0}; the server accepts up to {1}.</source>
        <translation>Dieses Foto ist {0} groß; der Server nimmt bis zu {1} an.</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)</translation>
    </message>
</context>
<context>
    <name>preview_cards</name>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
</context>
<context>
    <name>problem_words</name>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>“Required” box</source>
        <translation>Kästchen „Pflichtfeld“</translation>
    </message>
    <message>
        <source>location setting</source>
        <translation>Standort-Einstellung</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>least number of photos</source>
        <translation>Mindestzahl der Fotos</translation>
    </message>
    <message>
        <source>most number of photos</source>
        <translation>Höchstzahl der Fotos</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>answer settings</source>
        <translation>Antworteinstellungen</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>decimal places</source>
        <translation>Nachkommastellen</translation>
    </message>
    <message>
        <source>“At least”</source>
        <translation>„Mindestens“</translation>
    </message>
    <message>
        <source>“At most”</source>
        <translation>„Höchstens“</translation>
    </message>
    <message>
        <source>label for yes</source>
        <translation>Beschriftung für Ja</translation>
    </message>
    <message>
        <source>label for no</source>
        <translation>Beschriftung für Nein</translation>
    </message>
    <message>
        <source>label of the low end</source>
        <translation>Beschriftung des unteren Endes</translation>
    </message>
    <message>
        <source>label of the high end</source>
        <translation>Beschriftung des oberen Endes</translation>
    </message>
    <message>
        <source>placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <source>maximum length</source>
        <translation>Maximale Länge</translation>
    </message>
    <message>
        <source>“Several lines” box</source>
        <translation>Kästchen „Mehrere Zeilen“</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>“may skip steps” setting</source>
        <translation>Einstellung „Schritte überspringen erlaubt“</translation>
    </message>
    <message>
        <source>signature setting</source>
        <translation>Unterschrift-Einstellung</translation>
    </message>
    <message>
        <source>estimated time</source>
        <translation>Geschätzte Dauer</translation>
    </message>
    <message>
        <source>execution settings</source>
        <translation>Ausführungseinstellungen</translation>
    </message>
    <message>
        <source>“Who may run it” setting</source>
        <translation>Einstellung „Wer darf ausführen“</translation>
    </message>
    <message>
        <source>identity setting</source>
        <translation>Identitäts-Einstellung</translation>
    </message>
    <message>
        <source>option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>option {0}’s {1}</source>
        <translation>{1} der Option {0}</translation>
    </message>
    <message>
        <source>option {0}</source>
        <translation>Option {0}</translation>
    </message>
    <message>
        <source>The template</source>
        <translation>Die Vorlage</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>Abschnitt {0}</translation>
    </message>
    <message>
        <source>Section {0}, step {1}</source>
        <translation>Abschnitt {0}, Schritt {1}</translation>
    </message>
    <message>
        <source>The condition refers to {0}, which comes after this step; a condition may only refer to a step before it</source>
        <translation>Die Bedingung bezieht sich auf {0}, der nach diesem Schritt kommt; eine Bedingung darf sich nur auf einen Schritt davor beziehen</translation>
    </message>
    <message>
        <source>The condition refers to “{0}”, which is not a step of this template</source>
        <translation>Die Bedingung bezieht sich auf „{0}“, das kein Schritt dieser Vorlage ist</translation>
    </message>
    <message>
        <source>The condition refers to its own step; a condition may only refer to a step before it</source>
        <translation>Die Bedingung bezieht sich auf ihren eigenen Schritt; eine Bedingung darf sich nur auf einen Schritt davor beziehen</translation>
    </message>
    <message>
        <source>The condition refers to {0}, an instruction, which is never answered</source>
        <translation>Die Bedingung bezieht sich auf {0}, eine Anweisung, die nie beantwortet wird</translation>
    </message>
    <message>
        <source>{0} has no {1}</source>
        <translation>{0}: {1} nicht angegeben</translation>
    </message>
    <message>
        <source>{0} needs at least one {1}</source>
        <translation>{0} braucht mindestens ein(e) {1}</translation>
    </message>
    <message>
        <source>{0}: the {1} {2}</source>
        <translation>{0}: {1} {2}</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>is not an email address (it looks like name@example.com)</source>
        <translation>ist keine E-Mail-Adresse (sie sieht aus wie name@example.com)</translation>
    </message>
    <message>
        <source>is not in the form expected here</source>
        <translation>hat hier nicht die erwartete Form</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>The location needs a latitude and a longitude (or none at all)</source>
        <translation>Ein Standort braucht Breiten- und Längengrad (oder bleibt ganz leer)</translation>
    </message>
    <message>
        <source>Accuracy must be a number of metres, 0 or more, or empty</source>
        <translation>Die Genauigkeit muss eine Zahl von Metern sein, 0 oder mehr, oder leer bleiben</translation>
    </message>
    <message>
        <source>{0} must be a number from {1} to {2}</source>
        <translation>{0} muss eine Zahl von {1} bis {2} sein</translation>
    </message>
    <message>
        <source>{0} is missing</source>
        <translation>{0} fehlt</translation>
    </message>
    <message>
        <source>• and {0} more</source>
        <translation>• und {0} weitere</translation>
    </message>
</context>
<context>
    <name>quotes</name>
    <message>
        <source>“{0}”</source>
        <translation>„{0}“</translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>This run&apos;s server is the Rundun app&apos;s own server on this computer: check in the status bar that the app is connected, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>Der Server dieses Durchlaufs ist der eigene Server der Rundun-App auf diesem Computer: Prüfen Sie in der Statusleiste, ob die App verbunden ist, und drücken Sie dann &lt;b&gt;Jetzt synchronisieren&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>This run&apos;s server runs on this computer, apart from the app&apos;s own: check that it is started, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>Der Server dieses Durchlaufs läuft auf diesem Computer, getrennt vom eigenen Server der App: Prüfen Sie, ob er gestartet ist, und drücken Sie dann &lt;b&gt;Jetzt synchronisieren&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>Prüfen Sie das Netzwerk dieses Computers und drücken Sie dann &lt;b&gt;Jetzt synchronisieren&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not sent yet.&lt;/b&gt; {0} Your answers are kept on this computer and are sent as soon as the server answers; you can go on filling the run. {1}</source>
        <translation>&lt;b&gt;Noch nicht gesendet.&lt;/b&gt; {0} Ihre Antworten bleiben auf diesem Computer und werden gesendet, sobald der Server antwortet; Sie können den Durchlauf weiter ausfüllen. {1}</translation>
    </message>
</context>
<context>
    <name>runner_view</name>
    <message>
        <source>Export the run to a folder</source>
        <translation>Den Durchlauf in einen Ordner exportieren</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>no backup yet</source>
        <translation>noch keine Sicherung</translation>
    </message>
    <message>
        <source>last backup just now</source>
        <translation>letzte Sicherung gerade eben</translation>
    </message>
    <message>
        <source>last backup {0} min ago</source>
        <translation>letzte Sicherung vor {0} Min.</translation>
    </message>
    <message>
        <source>last backup {0} h ago</source>
        <translation>letzte Sicherung vor {0} Std.</translation>
    </message>
</context>
<context>
    <name>settings_controller</name>
    <message>
        <source>{0} this month · unlimited</source>
        <translation>{0} diesen Monat · unbegrenzt</translation>
    </message>
    <message>
        <source>{0} of {1} used this month</source>
        <translation>{0} von {1} diesen Monat genutzt</translation>
    </message>
</context>
<context>
    <name>sharing_view</name>
    <message>
        <source>Anyone on this network can reach the server. It still needs a run&apos;s link or an API key, but share only on networks you trust (not a café&apos;s or a hotel&apos;s Wi-Fi).</source>
        <translation>Jeder in diesem Netzwerk kann den Server erreichen. Er braucht trotzdem den Link eines Durchlaufs oder einen API-Schlüssel, aber geben Sie ihn nur in Netzwerken frei, denen Sie vertrauen (nicht im WLAN eines Cafés oder Hotels).</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>step_card</name>
    <message>
        <source>✎ Not saved yet</source>
        <translation>✎ Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>● Saved here · waiting to sync</source>
        <translation>● Hier gespeichert · wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>✓ Synced</source>
        <translation>✓ Synchronisiert</translation>
    </message>
    <message>
        <source>✕ Refused by the server</source>
        <translation>✕ Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>✕ Not sent · the server refused the run</source>
        <translation>✕ Nicht gesendet · Der Server hat den Durchlauf abgelehnt</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>The runs on this computer were saved by a newer Rundun ({0}).</source>
        <translation>Die Durchläufe auf diesem Computer wurden von einem neueren Rundun gespeichert ({0}).</translation>
    </message>
    <message>
        <source>This run is not on this computer.</source>
        <translation>Dieser Durchlauf ist nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>This run is being completed: it takes no more changes.</source>
        <translation>Dieser Durchlauf wird abgeschlossen: Er nimmt keine Änderungen mehr an.</translation>
    </message>
    <message>
        <source>This run is completed: it takes no more changes.</source>
        <translation>Dieser Durchlauf ist abgeschlossen: Er nimmt keine Änderungen mehr an.</translation>
    </message>
    <message>
        <source>The server refused this run: it takes no more changes here. You can export it.</source>
        <translation>Der Server hat diesen Durchlauf abgelehnt: Er nimmt hier keine Änderungen mehr an. Sie können ihn exportieren.</translation>
    </message>
    <message>
        <source>This run takes no more changes ({0}).</source>
        <translation>Dieser Durchlauf nimmt keine Änderungen mehr an ({0}).</translation>
    </message>
    <message>
        <source>This computer&apos;s disk is full: nothing new was saved. Free some space and try again.</source>
        <translation>Die Festplatte dieses Computers ist voll: Nichts Neues wurde gespeichert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This file is not a JPEG, PNG, WebP, HEIC or HEIF image.</source>
        <translation>Diese Datei ist kein JPEG-, PNG-, WebP-, HEIC- oder HEIF-Bild.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>{0} kann nicht gelesen werden: {1}.</translation>
    </message>
    <message>
        <source>There is no photo there any more.</source>
        <translation>Dort ist kein Foto mehr.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The photo&apos;s file on this computer is damaged (it no longer matches the photo taken); add the photo again.</source>
        <translation>Die Fotodatei auf diesem Computer ist beschädigt (sie passt nicht mehr zum aufgenommenen Foto); fügen Sie das Foto erneut hinzu.</translation>
    </message>
    <message>
        <source>the run has expired</source>
        <translation>der Durchlauf ist abgelaufen</translation>
    </message>
    <message>
        <source>the run is closed</source>
        <translation>der Durchlauf ist geschlossen</translation>
    </message>
    <message>
        <source>the run is cancelled</source>
        <translation>der Durchlauf wurde storniert</translation>
    </message>
    <message>
        <source>the run is completed already</source>
        <translation>der Durchlauf ist bereits abgeschlossen</translation>
    </message>
    <message>
        <source>the server no longer knows this run</source>
        <translation>der Server kennt diesen Durchlauf nicht mehr</translation>
    </message>
    <message>
        <source>the server no longer accepts this computer&apos;s token for the run (was it opened again elsewhere?)</source>
        <translation>der Server akzeptiert das Token dieses Computers für den Durchlauf nicht mehr (wurde er anderswo erneut geöffnet?)</translation>
    </message>
    <message>
        <source>it answered {0}</source>
        <translation>er antwortete {0}</translation>
    </message>
    <message>
        <source>The server refused this run: {0}. Its answers and photos stay on this computer; you can export them.</source>
        <translation>Der Server hat diesen Durchlauf abgelehnt: {0}. Seine Antworten und Fotos bleiben auf diesem Computer; Sie können sie exportieren.</translation>
    </message>
    <message>
        <source>the answer to {0}</source>
        <translation>die Antwort auf {0}</translation>
    </message>
    <message>
        <source>photo {0} of {1}</source>
        <translation>Foto {0} von {1}</translation>
    </message>
    <message>
        <source>the {0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
</context>
<context>
    <name>translations_view</name>
    <message>
        <source>XLIFF 1.2 (*.xlf *.xliff);;CSV (*.csv)</source>
        <translation>XLIFF 1.2 (*.xlf *.xliff);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>url_scheme</name>
    <message>
        <source>Registered rundun:// under HKEY_CURRENT_USER\{0}; rundun:// links now open Rundun.</source>
        <translation>rundun:// unter HKEY_CURRENT_USER\{0} registriert; rundun://-Links öffnen jetzt Rundun.</translation>
    </message>
</context>
<context>
    <name>value_widgets</name>
    <message>
        <source>e.g. 10, 12.5</source>
        <translation>z. B. 10, 12.5</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, …</source>
        <translation>JJJJ-MM-TT, …</translation>
    </message>
    <message>
        <source>HH:MM, …</source>
        <translation>HH:MM, …</translation>
    </message>
</context>
</TS>
