<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Rundun</source>
        <translation>Acerca de Rundun</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rundun&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Rundun&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir la carpeta de registros</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Se cerró la conexión.</translation>
    </message>
    <message>
        <source>The photo could not be loaded ({0}).</source>
        <translation>No se pudo cargar la foto ({0}).</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request is not valid.</source>
        <translation>La solicitud no es válida.</translation>
    </message>
    <message>
        <source>The request is malformed or misses a required field.</source>
        <translation>La solicitud está mal formada o le falta un campo obligatorio.</translation>
    </message>
    <message>
        <source>Missing or invalid credentials.</source>
        <translation>Faltan las credenciales o no son válidas.</translation>
    </message>
    <message>
        <source>Your plan&apos;s runs for this month are used up.</source>
        <translation>Las ejecuciones de tu plan para este mes se han agotado.</translation>
    </message>
    <message>
        <source>This credential may not do that.</source>
        <translation>Estas credenciales no permiten hacer eso.</translation>
    </message>
    <message>
        <source>No such resource exists in your organisation.</source>
        <translation>Eso no existe en tu organización.</translation>
    </message>
    <message>
        <source>No template with that ID exists in your organisation.</source>
        <translation>No hay ninguna plantilla con ese ID en tu organización.</translation>
    </message>
    <message>
        <source>No run with that ID exists in your organisation.</source>
        <translation>No hay ninguna ejecución con ese ID en tu organización.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state.</source>
        <translation>La solicitud choca con el estado actual.</translation>
    </message>
    <message>
        <source>The run is already finished.</source>
        <translation>La ejecución ya ha terminado.</translation>
    </message>
    <message>
        <source>Someone else has already opened this run.</source>
        <translation>Otra persona ya ha abierto esta ejecución.</translation>
    </message>
    <message>
        <source>The template has changed since you loaded it.</source>
        <translation>La plantilla ha cambiado desde que la cargaste.</translation>
    </message>
    <message>
        <source>This run has expired.</source>
        <translation>Esta ejecución ha caducado.</translation>
    </message>
    <message>
        <source>The request body is too large.</source>
        <translation>La solicitud es demasiado grande.</translation>
    </message>
    <message>
        <source>The request body failed validation.</source>
        <translation>Los datos no superaron la validación.</translation>
    </message>
    <message>
        <source>The request failed validation.</source>
        <translation>Los datos no superaron la validación.</translation>
    </message>
    <message>
        <source>The query parameters are not valid.</source>
        <translation>Los parámetros de la consulta no son válidos.</translation>
    </message>
    <message>
        <source>No such template (or version) in your organisation.</source>
        <translation>No existe esa plantilla (ni esa versión) en tu organización.</translation>
    </message>
    <message>
        <source>No member with that ID exists in your organisation.</source>
        <translation>No hay ningún miembro con ese ID en tu organización.</translation>
    </message>
    <message>
        <source>No API key with that ID exists in your organisation.</source>
        <translation>No hay ninguna clave de API con ese ID en tu organización.</translation>
    </message>
    <message>
        <source>No webhook delivery with that ID exists in your organisation.</source>
        <translation>No hay ninguna entrega de webhook con ese ID en tu organización.</translation>
    </message>
    <message>
        <source>The prompt cannot be used.</source>
        <translation>No se puede usar esa descripción.</translation>
    </message>
    <message>
        <source>The answer is not valid for this step.</source>
        <translation>La respuesta no es válida para este paso.</translation>
    </message>
    <message>
        <source>This step cannot take that photo.</source>
        <translation>Este paso no admite esa foto.</translation>
    </message>
    <message>
        <source>There is no photo at that index.</source>
        <translation>No hay ninguna foto en esa posición.</translation>
    </message>
    <message>
        <source>That API key is unknown or has been revoked.</source>
        <translation>Esa clave de API es desconocida o ha sido revocada.</translation>
    </message>
    <message>
        <source>That API key is malformed.</source>
        <translation>Esa clave de API no tiene un formato válido.</translation>
    </message>
    <message>
        <source>The run still has steps to complete.</source>
        <translation>A la ejecución aún le faltan pasos.</translation>
    </message>
    <message>
        <source>This template does not allow skipping steps.</source>
        <translation>Esta plantilla no permite omitir pasos.</translation>
    </message>
    <message>
        <source>Too many requests. Retry after the delay given.</source>
        <translation>Demasiadas solicitudes. Vuelve a intentarlo tras la espera indicada.</translation>
    </message>
    <message>
        <source>Something went wrong on our side.</source>
        <translation>Algo ha fallado en el servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full; nothing was stored. Free space on the server, then retry.</source>
        <translation>El disco del servidor está lleno; no se guardó nada. Libera espacio en el servidor y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server answered {0}.</source>
        <translation>El servidor respondió {0}.</translation>
    </message>
    <message>
        <source>The server at {0} did not answer in time.</source>
        <translation>El servidor en {0} no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}: nothing answers there.</source>
        <translation>No se puede contactar con el servidor en {0}: nada responde allí.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}.</source>
        <translation>No se puede contactar con el servidor en {0}.</translation>
    </message>
</context>
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Revoked {0}</source>
        <translation>Revocada {0}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Back up workspace…</source>
        <translation>Hacer copia del espacio de trabajo…</translation>
    </message>
    <message>
        <source>Restore workspace…</source>
        <translation>Restaurar el espacio de trabajo…</translation>
    </message>
    <message>
        <source>Back up workspace</source>
        <translation>Hacer copia del espacio de trabajo</translation>
    </message>
    <message>
        <source>Restore workspace</source>
        <translation>Restaurar el espacio de trabajo</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
</context>
<context>
    <name>BatchExportController</name>
    <message>
        <source>every run of this list</source>
        <translation>todas las ejecuciones de esta lista</translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation>{0} guardado en {1}.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was saved.</source>
        <translation>Se canceló la exportación; no se guardó nada.</translation>
    </message>
    <message>
        <source>The reports could not be written: {0}</source>
        <translation>No se pudieron escribir los informes: {0}</translation>
    </message>
</context>
<context>
    <name>BucketsModel</name>
    <message>
        <source>Week of {0}</source>
        <translation>Semana del {0}</translation>
    </message>
</context>
<context>
    <name>CardButton</name>
    <message>
        <source>{0}: {1}, {2}. Opens these runs in the monitor.</source>
        <translation>{0}: {1}, {2}. Abre estas ejecuciones en el monitor.</translation>
    </message>
    <message>
        <source>Show these runs in the Runs monitor</source>
        <translation>Mostrar estas ejecuciones en el monitor de ejecuciones</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>{0}: numbers</source>
        <translation>{0}: cifras</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Cifras</translation>
    </message>
</context>
<context>
    <name>CheckWords</name>
    <message>
        <source>&apos;{0}&apos; needs an answer</source>
        <translation>«{0}» necesita una respuesta</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; needs a signature</source>
        <translation>«{0}» necesita una firma</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; needs a location</source>
        <translation>«{0}» necesita una ubicación</translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; needs at least %Ln photo(s)</source>
        <translation>
            <numerusform>«{0}» necesita al menos %Ln foto</numerusform>
            <numerusform>«{0}» necesita al menos %Ln fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Your signature is needed before this run can be completed</source>
        <translation>Hace falta tu firma antes de completar esta ejecución</translation>
    </message>
    <message>
        <source>This checklist does not allow skipping steps</source>
        <translation>Esta plantilla no permite omitir pasos</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no puede quedar vacío</translation>
    </message>
    <message>
        <source>must not be greater than the maximum ({0})</source>
        <translation>no puede ser mayor que el máximo ({0})</translation>
    </message>
    <message>
        <source>must not be after the latest date ({0})</source>
        <translation>no puede ser posterior a la fecha máxima ({0})</translation>
    </message>
    <message>
        <source>must not be greater than “At most” ({0})</source>
        <translation>no puede ser mayor que «Como máximo» ({0})</translation>
    </message>
    <message>
        <source>must not be greater than the number of options ({0})</source>
        <translation>no puede ser mayor que el número de opciones ({0})</translation>
    </message>
    <message>
        <source>must be unique in the template; also used at {0}</source>
        <translation>debe ser único en la plantilla; ya se usa en {0}</translation>
    </message>
    <message>
        <source>the lower limit ({0}) must not be greater than the upper limit ({1})</source>
        <translation>el límite inferior ({0}) no puede ser mayor que el superior ({1})</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message numerus="yes">
        <source>must have at most %Ln decimal place(s)</source>
        <translation>
            <numerusform>admite como máximo %Ln decimal</numerusform>
            <numerusform>admite como máximo %Ln decimales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must be at most %Ln character(s)</source>
        <translation>
            <numerusform>debe tener como máximo %Ln carácter</numerusform>
            <numerusform>debe tener como máximo %Ln caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>must be at least {0}</source>
        <translation>debe ser como mínimo {0}</translation>
    </message>
    <message>
        <source>must be at most {0}</source>
        <translation>debe ser como máximo {0}</translation>
    </message>
    <message numerus="yes">
        <source>must select at least %Ln option(s)</source>
        <translation>
            <numerusform>elige al menos %Ln opción</numerusform>
            <numerusform>elige al menos %Ln opciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must select at most %Ln option(s)</source>
        <translation>
            <numerusform>elige como máximo %Ln opción</numerusform>
            <numerusform>elige como máximo %Ln opciones</numerusform>
        </translation>
    </message>
    <message>
        <source>must be a whole number from {0} to {1}</source>
        <translation>debe ser un número entero de {0} a {1}</translation>
    </message>
    <message>
        <source>must be a date, written YYYY-MM-DD</source>
        <translation>debe ser una fecha AAAA-MM-DD</translation>
    </message>
    <message>
        <source>must be on or after {0}</source>
        <translation>debe ser el {0} o después</translation>
    </message>
    <message>
        <source>must be on or before {0}</source>
        <translation>debe ser el {0} o antes</translation>
    </message>
    <message>
        <source>must be a time written HH:MM, from 00:00 to 23:59</source>
        <translation>debe ser una hora HH:MM, de 00:00 a 23:59</translation>
    </message>
    <message>
        <source>{0}; this checklist does not allow skipping</source>
        <translation>{0}; esta plantilla no permite omitir pasos</translation>
    </message>
</context>
<context>
    <name>ChildServer</name>
    <message>
        <source>another Rundun server (process {1}) is using its data folder {0}. Stop that process; this one then starts by itself.</source>
        <translation>otro servidor de Rundun (proceso {1}) está usando su carpeta de datos {0}. Detén ese proceso; este se iniciará entonces solo.</translation>
    </message>
    <message>
        <source>another Rundun server is using its data folder {0}. Stop it; this one then starts by itself.</source>
        <translation>otro servidor de Rundun está usando su carpeta de datos {0}. Detenlo; este se iniciará entonces solo.</translation>
    </message>
    <message>
        <source>the embedded server exited during start-up ({0})</source>
        <translation>el servidor integrado se cerró durante el arranque ({0})</translation>
    </message>
    <message>
        <source>the embedded server did not start in time</source>
        <translation>el servidor integrado no arrancó a tiempo</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Only show this step if…</source>
        <translation>Mostrar este paso solo si…</translation>
    </message>
    <message>
        <source>There is no earlier step to depend on.</source>
        <translation>No hay ningún paso anterior del que depender.</translation>
    </message>
    <message>
        <source>Shown {0}.</source>
        <translation>Se muestra {0}.</translation>
    </message>
    <message>
        <source>Always shown.</source>
        <translation>Se muestra siempre.</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Embedded server on {0}{1}</source>
        <translation>Servidor integrado en {0}{1}</translation>
    </message>
    <message>
        <source>Remote server {0}</source>
        <translation>Servidor remoto {0}</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Conectando con {0}…</translation>
    </message>
    <message>
        <source>Starting the embedded server…</source>
        <translation>Iniciando el servidor integrado…</translation>
    </message>
    <message>
        <source>The embedded server could not start: {0}</source>
        <translation>No se pudo iniciar el servidor integrado: {0}</translation>
    </message>
    <message>
        <source>port {0} is used by another program, so the server now listens on port {1}; links sent before point at the old port</source>
        <translation>otro programa usa el puerto {0}, así que el servidor escucha ahora en el puerto {1}; los enlaces enviados antes apuntan al puerto anterior</translation>
    </message>
    <message>
        <source>Restarting the embedded server…</source>
        <translation>Reiniciando el servidor integrado…</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://.</source>
        <translation>La URL del servidor debe empezar por http:// o https://.</translation>
    </message>
    <message>
        <source>The server refused the API key. Enter a valid key in Settings.</source>
        <translation>El servidor rechazó la clave de API. Introduce una clave válida en Ajustes.</translation>
    </message>
    <message>
        <source>{0} Retrying…</source>
        <translation>{0} Reintentando…</translation>
    </message>
    <message>
        <source>The server answered {0}.</source>
        <translation>El servidor respondió {0}.</translation>
    </message>
    <message>
        <source>Connected · {0}</source>
        <translation>Conectado · {0}</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln foto</numerusform>
            <numerusform>%Ln fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) from your prompt</source>
        <translation>
            <numerusform>%Ln elemento de tu petición</numerusform>
            <numerusform>%Ln elementos de tu petición</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It already asked %Ln of your items, in its own words.</source>
        <translation>
            <numerusform>La plantilla ya preguntaba %Ln de tus elementos, con sus propias palabras.</numerusform>
            <numerusform>La plantilla ya preguntaba %Ln de tus elementos, con sus propias palabras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln cambio pendiente</numerusform>
            <numerusform>%Ln cambios pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln cambio sin enviar</numerusform>
            <numerusform>%Ln cambios sin enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused</source>
        <translation>
            <numerusform>%Ln cambio rechazado</numerusform>
            <numerusform>%Ln cambios rechazados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved</source>
        <translation>
            <numerusform>%Ln respuesta sin guardar</numerusform>
            <numerusform>%Ln respuestas sin guardar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This step takes at most %Ln photo(s).</source>
        <translation>
            <numerusform>Este paso admite como máximo %Ln foto.</numerusform>
            <numerusform>Este paso admite como máximo %Ln fotos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln decimal(s)</source>
        <translation>
            <numerusform>hasta %Ln decimal</numerusform>
            <numerusform>hasta %Ln decimales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln optional step(s) unanswered</source>
        <translation>
            <numerusform>%Ln paso opcional sin responder</numerusform>
            <numerusform>%Ln pasos opcionales sin responder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln plantilla</numerusform>
            <numerusform>%Ln plantillas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln ejecución</numerusform>
            <numerusform>%Ln ejecuciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected run(s)</source>
        <translation>
            <numerusform>%Ln ejecución seleccionada</numerusform>
            <numerusform>%Ln ejecuciones seleccionadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln paso</numerusform>
            <numerusform>%Ln pasos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln cambio</numerusform>
            <numerusform>%Ln cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln respuesta</numerusform>
            <numerusform>%Ln respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more depending on answers</source>
        <translation>
            <numerusform>%Ln más según las respuestas</numerusform>
            <numerusform>%Ln más según las respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changed %Ln time(s)</source>
        <translation>
            <numerusform>cambiado una vez</numerusform>
            <numerusform>cambiado %Ln veces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln stale write(s) lost</source>
        <translation>
            <numerusform> · %Ln escritura obsoleta perdida</numerusform>
            <numerusform> · %Ln escrituras obsoletas perdidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln finding(s)</source>
        <translation>
            <numerusform>⚠ %Ln hallazgo</numerusform>
            <numerusform>⚠ %Ln hallazgos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) are findings: open the run to see which</source>
        <translation>
            <numerusform>%Ln respuesta es un hallazgo: abre la ejecución para ver cuál</numerusform>
            <numerusform>%Ln respuestas son hallazgos: abre la ejecución para ver cuáles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last backup %Ln day(s) ago</source>
        <translation>
            <numerusform>última copia hace %Ln día</numerusform>
            <numerusform>última copia hace %Ln días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent, in runs the server refused</source>
        <translation>
            <numerusform>%Ln cambio sin enviar, en ejecuciones que el servidor rechazó</numerusform>
            <numerusform>%Ln cambios sin enviar, en ejecuciones que el servidor rechazó</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved: put it right to send it</source>
        <translation>
            <numerusform>%Ln respuesta sin guardar: corrígela para enviarla</numerusform>
            <numerusform>%Ln respuestas sin guardar: corrígelas para enviarlas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused by the server, so the run was not completed. Fix them and complete again:
</source>
        <translation>
            <numerusform>%Ln cambio fue rechazado por el servidor, así que la ejecución no se completó. Corrígelo y vuelve a completarla:
</numerusform>
            <numerusform>%Ln cambios fueron rechazados por el servidor, así que la ejecución no se completó. Corrígelos y vuelve a completarla:
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fallido</numerusform>
            <numerusform>%Ln fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s){0} still on the executor&apos;s device{1}, not yet on the server: this run shows less than was done, and they arrive when the device is online again.</source>
        <translation>
            <numerusform>%Ln cambio{0} sigue en el dispositivo del ejecutor{1}, no en el servidor: esta ejecución muestra menos de lo hecho, y llegará cuando el dispositivo vuelva a estar en línea.</numerusform>
            <numerusform>%Ln cambios{0} siguen en el dispositivo del ejecutor{1}, no en el servidor: esta ejecución muestra menos de lo hecho, y llegarán cuando el dispositivo vuelva a estar en línea.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %Ln step(s)</source>
        <translation>
            <numerusform>{0} de %Ln paso</numerusform>
            <numerusform>{0} de %Ln pasos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translations into {0}: %Ln changed</source>
        <translation>
            <numerusform>Traducciones al {0}: %Ln cambiada</numerusform>
            <numerusform>Traducciones al {0}: %Ln cambiadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; holds %Ln change(s) the server never took, kept only on this computer. Export the run first to keep them. Remove it anyway?</source>
        <translation>
            <numerusform>«{0}» contiene %Ln cambio que el servidor nunca aceptó, guardado solo en este ordenador. Exporta primero la ejecución para conservarlo. ¿Quitarla de todos modos?</numerusform>
            <numerusform>«{0}» contiene %Ln cambios que el servidor nunca aceptó, guardados solo en este ordenador. Exporta primero la ejecución para conservarlos. ¿Quitarla de todos modos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>the system keyring ({0})</source>
        <translation>el llavero del sistema ({0})</translation>
    </message>
    <message>
        <source>{0} (readable only by you)</source>
        <translation>{0} (solo tú puedes leerlo)</translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <source>Days in {0}</source>
        <translation>Días de {0}</translation>
    </message>
    <message>
        <source>A period covers a year at most: the other date moved to {0}.</source>
        <translation>Un periodo abarca como mucho un año: la otra fecha se movió al {0}.</translation>
    </message>
    <message>
        <source>Templates could not be loaded. {0}</source>
        <translation>No se pudieron cargar las plantillas. {0}</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Última versión</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Versión {0}</translation>
    </message>
    <message>
        <source>The numbers could not be loaded. {0}</source>
        <translation>No se pudieron cargar las cifras. {0}</translation>
    </message>
    <message>
        <source>Nothing to show yet.
Create a template on the Templates page, then dispatch a run from the Runs page: how your runs go will show here.</source>
        <translation>Todavía no hay nada que mostrar.
Crea una plantilla en la página Plantillas y envía una ejecución desde la página Ejecuciones: aquí verás cómo van tus ejecuciones.</translation>
    </message>
    <message>
        <source>No runs match these filters between {0} and {1}.</source>
        <translation>Ninguna ejecución coincide con estos filtros entre {0} y {1}.</translation>
    </message>
    <message>
        <source>No runs were dispatched between {0} and {1}.
Dispatch a run from the Runs page, or choose a longer period.</source>
        <translation>No se envió ninguna ejecución entre {0} y {1}.
Envía una ejecución desde la página Ejecuciones o elige un periodo más largo.</translation>
    </message>
    <message>
        <source>Answers per step</source>
        <translation>Respuestas por paso</translation>
    </message>
    <message>
        <source>Choose a template above to see how each of its steps was answered.</source>
        <translation>Elige una plantilla arriba para ver cómo se respondió cada uno de sus pasos.</translation>
    </message>
    <message>
        <source>Answers per step — {0}, version {1}</source>
        <translation>Respuestas por paso — {0}, versión {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s) of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart&apos;s numbers are on its Numbers tab.</source>
        <translation>
            <numerusform>%Ln ejecución de esta versión en el periodo. Los hallazgos se marcan «⚠ hallazgo» y se dibujan en naranja; las cifras de cada gráfico están en su pestaña Cifras.</numerusform>
            <numerusform>%Ln ejecuciones de esta versión en el periodo. Los hallazgos se marcan «⚠ hallazgo» y se dibujan en naranja; las cifras de cada gráfico están en su pestaña Cifras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} answered, {1} skipped, %Ln finding(s)</source>
        <translation>
            <numerusform>{0} respondidas, {1} omitidas, %Ln hallazgo</numerusform>
            <numerusform>{0} respondidas, {1} omitidas, %Ln hallazgos</numerusform>
        </translation>
    </message>
    <message>
        <source>Rundun dashboard — {0} to {1}</source>
        <translation>Panel de Rundun — del {0} al {1}</translation>
    </message>
    <message>
        <source>Period: {0}</source>
        <translation>Periodo: {0}</translation>
    </message>
    <message>
        <source>Template: {0}</source>
        <translation>Plantilla: {0}</translation>
    </message>
    <message>
        <source>Version: {0}</source>
        <translation>Versión: {0}</translation>
    </message>
    <message>
        <source>Executor: {0}</source>
        <translation>Ejecutor: {0}</translation>
    </message>
    <message>
        <source>Executor: any</source>
        <translation>Ejecutor: cualquiera</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>La exportación falló: {0}</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0} guardado.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>How the work is going, and which answers need action</source>
        <translation>Cómo avanza el trabajo y qué respuestas requieren acción</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>Actualizar el panel</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Export the page as a PNG image</source>
        <translation>Exportar la página como imagen PNG</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export the page as an A4 PDF</source>
        <translation>Exportar la página como PDF A4</translation>
    </message>
    <message>
        <source>Runs by status</source>
        <translation>Ejecuciones por estado</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message numerus="yes">
        <source>Last %Ln day(s)</source>
        <translation>
            <numerusform>Último %Ln día</numerusform>
            <numerusform>Últimos %Ln días</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Versión de la plantilla</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Última versión</translation>
    </message>
    <message>
        <source>Executor reference</source>
        <translation>Referencia del ejecutor</translation>
    </message>
    <message>
        <source>Export the dashboard as {0}</source>
        <translation>Exportar el panel como {0}</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Rundun</source>
        <translation>&amp;Acerca de Rundun</translation>
    </message>
    <message>
        <source>Open rundun:// links with Rundun?</source>
        <translation>¿Abrir los enlaces rundun:// con Rundun?</translation>
    </message>
    <message>
        <source>Run links sent as rundun://… can open straight in this app. Register Rundun for them?</source>
        <translation>Los enlaces de ejecución enviados como rundun://… pueden abrirse directamente en esta aplicación. ¿Registrar Rundun para ellos?</translation>
    </message>
</context>
<context>
    <name>DispatchController</name>
    <message>
        <source>A link lasts from {0} hours up to a year ({1} hours). For a link that never expires, tick No expiry.</source>
        <translation>Un enlace dura de {0} horas a un año ({1} horas). Para un enlace que no caduque nunca, marca «Sin caducidad».</translation>
    </message>
    <message>
        <source>Templates could not be loaded. {0}</source>
        <translation>No se pudieron cargar las plantillas. {0}</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>Aún no hay plantillas</translation>
    </message>
    <message>
        <source>There are no templates yet. Create one on the Templates page first.</source>
        <translation>Todavía no hay plantillas. Crea primero una en la página Plantillas.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name could not be saved. {0}</source>
        <translation>No se pudo guardar el nombre de la organización. {0}</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Elige una plantilla.</translation>
    </message>
    <message>
        <source>Enter the webhook URL, or untick the webhook.</source>
        <translation>Introduce la URL del webhook o desmarca el webhook.</translation>
    </message>
    <message>
        <source>Tick at least one event, or untick the webhook.</source>
        <translation>Marque al menos un evento o desmarque el webhook.</translation>
    </message>
    <message>
        <source>Dispatching…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>The link works until {0}.</source>
        <translation>El enlace funciona hasta el {0}.</translation>
    </message>
    <message>
        <source>The link does not expire.</source>
        <translation>El enlace no caduca.</translation>
    </message>
    <message>
        <source>{0} for {1}.</source>
        <translation>{0} para {1}.</translation>
    </message>
    <message>
        <source>{0}, as written</source>
        <translation>{0}, como está escrito</translation>
    </message>
</context>
<context>
    <name>DispatchDialogView</name>
    <message>
        <source>Dispatch a run</source>
        <translation>Enviar una ejecución</translation>
    </message>
    <message>
        <source>Send a checklist to one person as a link.</source>
        <translation>Envía una lista de verificación a una persona como enlace.</translation>
    </message>
    <message>
        <source>Loading templates…</source>
        <translation>Cargando plantillas…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Your organisation&apos;s name, e.g. Acme Rentals</source>
        <translation>El nombre de tu organización, p. ej. Alquileres Acme</translation>
    </message>
    <message>
        <source>The person who opens the link reads who sent it; kept for every run (Settings → Plan and usage)</source>
        <translation>Quien abre el enlace lee quién lo envía; se guarda para todas las ejecuciones (Ajustes → Plan y uso)</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Enviado por</translation>
    </message>
    <message>
        <source>The language the run is in; the executor may switch to another of the template&apos;s</source>
        <translation>El idioma de la ejecución; el ejecutor puede cambiar a otro de los de la plantilla</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Your reference, e.g. booking_12345 (optional)</source>
        <translation>Tu referencia, p. ej. booking_12345 (opcional)</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Sin caducidad</translation>
    </message>
    <message>
        <source>Link expires in</source>
        <translation>El enlace caduca en</translation>
    </message>
    <message>
        <source>Webhook (optional)</source>
        <translation>Webhook (opcional)</translation>
    </message>
    <message>
        <source>https://your-app.com/hooks/rundun</source>
        <translation>https://your-app.com/hooks/rundun</translation>
    </message>
    <message>
        <source>whsec_… (signs each delivery; optional)</source>
        <translation>whsec_… (firma cada entrega; opcional)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Run dispatched</source>
        <translation>Ejecución enviada</translation>
    </message>
    <message>
        <source>Dispatch another</source>
        <translation>Enviar otra</translation>
    </message>
    <message>
        <source>Fill in here</source>
        <translation>Rellenar aquí</translation>
    </message>
    <message>
        <source>Open the run in this computer&apos;s Executor (then nobody else can open the link)</source>
        <translation>Abrir la ejecución en el Ejecutor de este ordenador (después nadie más podrá abrir el enlace)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>DocEditor</name>
    <message>
        <source>Change a field</source>
        <translation>Cambiar un campo</translation>
    </message>
    <message>
        <source>Change “{0}”</source>
        <translation>Cambiar «{0}»</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Cambiar tipo</translation>
    </message>
    <message>
        <source>Change step id</source>
        <translation>Cambiar id del paso</translation>
    </message>
    <message>
        <source>Change options</source>
        <translation>Cambiar opciones</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>Sección {0}</translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation>{0} (copia)</translation>
    </message>
    <message>
        <source>Duplicate section</source>
        <translation>Duplicar sección</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Duplicar paso</translation>
    </message>
    <message>
        <source>Paste section</source>
        <translation>Pegar sección</translation>
    </message>
    <message>
        <source>Paste step</source>
        <translation>Pegar paso</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <source>Undo {0} (Ctrl+Z)</source>
        <translation>Deshacer {0} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo {0} (Ctrl+Shift+Z)</source>
        <translation>Rehacer {0} (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>(template)</source>
        <translation>(plantilla)</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>Problemas ({0})</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>⚠ %Ln problema</numerusform>
            <numerusform>⚠ %Ln problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation>✓ Válida</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propiedades</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Traducciones</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>¿Eliminar {0}?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s) show only on its answers: {0}. Their conditions would name a step that is gone.</source>
        <translation>
            <numerusform>%Ln paso solo se muestra según sus respuestas: {0}. Su condición nombraría un paso que ya no existe.</numerusform>
            <numerusform>%Ln pasos solo se muestran según sus respuestas: {0}. Sus condiciones nombrarían un paso que ya no existe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>No problems: this template can be saved.</source>
        <translation>Sin problemas: esta plantilla se puede guardar.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Añadir sección</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>the embedded server stopped during start-up</source>
        <translation>el servidor integrado se detuvo durante el arranque</translation>
    </message>
    <message>
        <source>the embedded server did not start in time</source>
        <translation>el servidor integrado no arrancó a tiempo</translation>
    </message>
</context>
<context>
    <name>EmptyPanel</name>
    <message>
        <source>Select a section or a step to edit it.</source>
        <translation>Selecciona una sección o un paso para editarlo.</translation>
    </message>
</context>
<context>
    <name>FlagEditor</name>
    <message>
        <source>A finding when one of these is chosen:</source>
        <translation>Un hallazgo cuando se elige una de estas opciones:</translation>
    </message>
    <message>
        <source>no lower limit</source>
        <translation>sin límite inferior</translation>
    </message>
    <message>
        <source>no upper limit</source>
        <translation>sin límite superior</translation>
    </message>
    <message>
        <source>A finding below</source>
        <translation>Un hallazgo por debajo de</translation>
    </message>
    <message>
        <source>or above</source>
        <translation>o a partir de</translation>
    </message>
    <message>
        <source>Never a finding</source>
        <translation>Nunca es un hallazgo</translation>
    </message>
    <message>
        <source>A finding when the answer is {0}</source>
        <translation>Un hallazgo cuando la respuesta es {0}</translation>
    </message>
    <message>
        <source>Option {0}</source>
        <translation>Opción {0}</translation>
    </message>
    <message>
        <source>No answer to this step is a finding.</source>
        <translation>Ninguna respuesta a este paso es un hallazgo.</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate a template</source>
        <translation>Generar una plantilla</translation>
    </message>
    <message>
        <source>Describe the checklist you need:</source>
        <translation>Describe la lista de verificación que necesitas:</translation>
    </message>
    <message>
        <source>e.g. Vehicle pre-rental inspection for a car rental company: exterior condition, fuel level, odometer, interior cleanliness, customer signature.</source>
        <translation>p. ej. Inspección de vehículo antes del alquiler para una empresa de alquiler de coches: estado exterior, nivel de combustible, cuentakilómetros, limpieza interior, firma del cliente.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>The checklist appears here, to try before you open it in the editor.</source>
        <translation>Aquí aparece la lista de verificación, para probarla antes de abrirla en el editor.</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>Abrir en el editor</translation>
    </message>
    <message>
        <source>Write a description of 1 to {0} characters.</source>
        <translation>Escribe una descripción de 1 a {0} caracteres.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generando…</translation>
    </message>
    <message>
        <source>The generated template is not valid: {0}</source>
        <translation>La plantilla generada no es válida: {0}</translation>
    </message>
    <message>
        <source>{0} — {1}, {2}</source>
        <translation>{0} — {1}, {2}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln section(s)</source>
        <translation>
            <numerusform>%Ln sección</numerusform>
            <numerusform>%Ln secciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Review it here; nothing is saved until you save it in the editor.</source>
        <translation>Revísala aquí; no se guarda nada hasta que la guardes en el editor.</translation>
    </message>
</context>
<context>
    <name>GeoInput</name>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>± metres</source>
        <translation>± metros</translation>
    </message>
    <message>
        <source>Use my position</source>
        <translation>Usar mi posición</translation>
    </message>
    <message>
        <source>Locating…</source>
        <translation>Localizando…</translation>
    </message>
    <message>
        <source>This computer does not let the app read its position (check its location settings); type it in.</source>
        <translation>Este ordenador no deja que la aplicación lea tu posición (revisa los ajustes de ubicación); escríbela.</translation>
    </message>
    <message>
        <source>The position service stopped; type the position in.</source>
        <translation>El servicio de ubicación se detuvo; escribe la posición.</translation>
    </message>
    <message>
        <source>No position came from this computer in time; type it in.</source>
        <translation>Este ordenador no dio una posición a tiempo; escríbela.</translation>
    </message>
</context>
<context>
    <name>GroupBox</name>
    <message>
        <source>All of these are true</source>
        <translation>Todas estas condiciones se cumplen</translation>
    </message>
    <message>
        <source>Any of these is true</source>
        <translation>Alguna de estas condiciones se cumple</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Quitar este grupo</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
</context>
<context>
    <name>HoursBox</name>
    <message>
        <source>A link lasts from {0} hours up to a year ({1} hours).</source>
        <translation>Un enlace dura de {0} horas a un año ({1} horas).</translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <source>Forget this finished run on this computer</source>
        <translation>Olvidar esta ejecución terminada en este equipo</translation>
    </message>
    <message>
        <source>Only finished runs can be removed: an unfinished one still has work to send</source>
        <translation>Solo se pueden quitar las ejecuciones terminadas: una sin terminar aún tiene trabajo que enviar</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Abrir ejecución</translation>
    </message>
    <message>
        <source>Could not export the run: {0}</source>
        <translation>No se pudo exportar la ejecución: {0}</translation>
    </message>
    <message>
        <source>Exported to {0}: run.json and the photo files.</source>
        <translation>Exportado a {0}: run.json y los archivos de fotos.</translation>
    </message>
    <message>
        <source>Removed &apos;{0}&apos; from this computer.</source>
        <translation>Se quitó «{0}» de este equipo.</translation>
    </message>
    <message>
        <source>Could not register rundun:// links: {0}</source>
        <translation>No se pudieron registrar los enlaces rundun://: {0}</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>As last heard from the server (at {0}). Expires: {1}.</source>
        <translation>Según lo último que dijo el servidor (a las {0}). Caduca: {1}.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Executor</source>
        <translation>Ejecutor</translation>
    </message>
    <message>
        <source>Runs opened on this computer. Fill them with or without a network; every change is kept here and sent when the server answers.</source>
        <translation>Ejecuciones abiertas en este equipo. Rellénalas con o sin red; cada cambio se guarda aquí y se envía cuando el servidor responde.</translation>
    </message>
    <message>
        <source>Open rundun:// links with Rundun</source>
        <translation>Abrir los enlaces rundun:// con Rundun</translation>
    </message>
    <message>
        <source>Register this app for rundun:// run links (this user only)</source>
        <translation>Registrar esta aplicación para los enlaces de ejecución rundun:// (solo este usuario)</translation>
    </message>
    <message>
        <source>Open a run</source>
        <translation>Abrir una ejecución</translation>
    </message>
    <message>
        <source>Paste the run link: {0}  or  {1}</source>
        <translation>Pega el enlace de la ejecución: {0}  o  {1}</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Abrir ejecución</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Your email</source>
        <translation>Tu correo electrónico</translation>
    </message>
    <message>
        <source>Your member sign-in token (rdm_…)</source>
        <translation>Tu token de acceso de miembro (rdm_…)</translation>
    </message>
    <message>
        <source>No runs on this computer yet. Paste the link you were sent above.</source>
        <translation>Aún no hay ejecuciones en este equipo. Pega arriba el enlace que recibiste.</translation>
    </message>
    <message>
        <source>Continue run</source>
        <translation>Continuar la ejecución</translation>
    </message>
    <message>
        <source>Enter on the selected run</source>
        <translation>Intro sobre la ejecución seleccionada</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the run&apos;s answers as JSON with its photo files</source>
        <translation>Guardar las respuestas de la ejecución como JSON con sus archivos de fotos</translation>
    </message>
    <message>
        <source>Remove from this computer</source>
        <translation>Quitar de este equipo</translation>
    </message>
    <message>
        <source>Make this app open rundun:// run links for your user on this computer? This changes your desktop&apos;s settings for such links.</source>
        <translation>¿Hacer que esta aplicación abra los enlaces rundun:// de ejecuciones para tu usuario en este ordenador? Esto cambia los ajustes de tu escritorio para esos enlaces.</translation>
    </message>
</context>
<context>
    <name>JsonSync</name>
    <message>
        <source>Valid TDL.</source>
        <translation>TDL válido.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s).</source>
        <translation>
            <numerusform>%Ln problema.</numerusform>
            <numerusform>%Ln problemas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid JSON — line {0}, column {1}: {2}.</source>
        <translation>JSON no válido — línea {0}, columna {1}: {2}.</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>No aplicado: {0}</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Aplicado.</translation>
    </message>
    <message>
        <source>Editing… (applied when you pause)</source>
        <translation>Editando… (se aplica cuando haces una pausa)</translation>
    </message>
</context>
<context>
    <name>JsonView</name>
    <message>
        <source>line {0} · {1}: {2}</source>
        <translation>línea {0} · {1}: {2}</translation>
    </message>
</context>
<context>
    <name>LeafRow</name>
    <message>
        <source>Remove this condition</source>
        <translation>Quitar esta condición</translation>
    </message>
    <message>
        <source>a later step</source>
        <translation>un paso posterior</translation>
    </message>
    <message>
        <source>not a step of this template</source>
        <translation>no es un paso de esta plantilla</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <source>Some text was cut: {0} characters at most</source>
        <translation>Se ha recortado parte del texto: {0} caracteres como máximo</translation>
    </message>
    <message>
        <source>{0} characters at most</source>
        <translation>{0} caracteres como máximo</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>This server has no template library.</source>
        <translation>Este servidor no tiene biblioteca de plantillas.</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>New from library</source>
        <translation>Nueva desde la biblioteca</translation>
    </message>
    <message>
        <source>Search the library: forklift, HACCP, move-out, scaffold…</source>
        <translation>Buscar en la biblioteca: carretilla, APPCC, mudanza, andamio…</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>Usar esta</translation>
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
            <numerusform>%Ln plantilla</numerusform>
            <numerusform>%Ln plantillas</numerusform>
        </translation>
    </message>
    <message>
        <source>This library template is not valid: {0}</source>
        <translation>Esta plantilla de la biblioteca no es válida: {0}</translation>
    </message>
    <message>
        <source>Use this to open it in the editor; nothing is saved until you save it there.</source>
        <translation>Usa esto para abrirla en el editor; no se guarda nada hasta que la guardes allí.</translation>
    </message>
    <message>
        <source>Nothing in the library matches these words.</source>
        <translation>Nada de la biblioteca coincide con estas palabras.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>The event stream answered {0}.</source>
        <translation>El flujo de eventos respondió {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0} plan
{1}</source>
        <translation>Plan {0}
{1}</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Actualizaciones en directo</translation>
    </message>
    <message>
        <source>Polling for updates</source>
        <translation>Consultando actualizaciones</translation>
    </message>
</context>
<context>
    <name>MainWindowView</name>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
</context>
<context>
    <name>MoveSectionCommand</name>
    <message>
        <source>Move section</source>
        <translation>Mover sección</translation>
    </message>
</context>
<context>
    <name>MoveStepCommand</name>
    <message>
        <source>Move step</source>
        <translation>Mover paso</translation>
    </message>
</context>
<context>
    <name>NewerVersionCheck</name>
    <message>
        <source>This template was deleted elsewhere. What you see stays open here: export it to keep a copy.</source>
        <translation>Esta plantilla se eliminó en otro lugar. Lo que ves sigue abierto aquí: expórtalo para conservar una copia.</translation>
    </message>
    <message>
        <source>Version {0} was made elsewhere while you edit version {1}. Your changes are kept: look at version {0} now, or keep editing and choose at Save.</source>
        <translation>La versión {0} se creó en otro lugar mientras editas la versión {1}. Tus cambios se conservan: mira ahora la versión {0}, o sigue editando y elige al guardar.</translation>
    </message>
    <message>
        <source>Look at version {0}…</source>
        <translation>Ver la versión {0}…</translation>
    </message>
    <message>
        <source>Updated to {0}, made elsewhere</source>
        <translation>Actualizada a {0}, creada en otro lugar</translation>
    </message>
    <message>
        <source>The newer version could not be read</source>
        <translation>No se pudo leer la versión más reciente</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <source> · {0} with problems</source>
        <translation> · con problemas: {0}</translation>
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
        <translation>Id de la opción (o-…): lo que guarda la respuesta; cámbialo con cuidado</translation>
    </message>
    <message>
        <source>Option label</source>
        <translation>Etiqueta de la opción</translation>
    </message>
    <message>
        <source>Move option up</source>
        <translation>Subir opción</translation>
    </message>
    <message>
        <source>Move option down</source>
        <translation>Bajar opción</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Quitar opción</translation>
    </message>
</context>
<context>
    <name>OptionsEditor</name>
    <message>
        <source>Add option</source>
        <translation>Añadir opción</translation>
    </message>
    <message>
        <source>Option {0}</source>
        <translation>Opción {0}</translation>
    </message>
</context>
<context>
    <name>PhotoBrowser</name>
    <message>
        <source>Save photo</source>
        <translation>Guardar foto</translation>
    </message>
    <message>
        <source>Images (*{0})</source>
        <translation>Imágenes (*{0})</translation>
    </message>
    <message>
        <source>The photo could not be saved: {0}</source>
        <translation>No se pudo guardar la foto: {0}</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Guardada en {0}.</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Ask for photos</source>
        <translation>Pedir fotos</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>al menos</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>como máximo</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>Añadir fotos…</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Hacer foto</translation>
    </message>
    <message>
        <source>or drop image files here · {0}</source>
        <translation>o suelta aquí archivos de imagen · {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) with the answer</source>
        <translation>
            <numerusform>%Ln foto con la respuesta</numerusform>
            <numerusform>%Ln fotos con la respuesta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln foto</numerusform>
            <numerusform>%Ln fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}–{1} photos with the answer</source>
        <translation>{0}–{1} fotos con la respuesta</translation>
    </message>
    <message>
        <source>{0}–{1} photos</source>
        <translation>{0}–{1} fotos</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Añadir fotos</translation>
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
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Save photo…</source>
        <translation>Guardar foto…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Also with the arrow keys</source>
        <translation>También con las teclas de flecha</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>This photo cannot be shown here; Save photo… keeps it as it is.</source>
        <translation>Esta foto no se puede mostrar aquí; «Guardar foto…» la conserva tal cual.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Previous section</source>
        <translation>Sección anterior</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Sección siguiente</translation>
    </message>
    <message>
        <source>Reset answers</source>
        <translation>Restablecer respuestas</translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); the preview shows the last valid version.</source>
        <translation>
            <numerusform>La plantilla tiene %Ln problema; la vista previa muestra la última versión válida.</numerusform>
            <numerusform>La plantilla tiene %Ln problemas; la vista previa muestra la última versión válida.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); fix them to see the preview.</source>
        <translation>
            <numerusform>La plantilla tiene %Ln problema; corrígelo para ver la vista previa.</numerusform>
            <numerusform>La plantilla tiene %Ln problemas; corrígelos para ver la vista previa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section {0} of {1}</source>
        <translation>Sección {0} de {1}</translation>
    </message>
    <message>
        <source>{0} of {1} answered</source>
        <translation>{0} de {1} respondidas</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln step(s) hidden by conditions</source>
        <translation>
            <numerusform> · %Ln paso oculto por condiciones</numerusform>
            <numerusform> · %Ln pasos ocultos por condiciones</numerusform>
        </translation>
    </message>
    <message>
        <source> · ready to complete</source>
        <translation> · lista para completar</translation>
    </message>
    <message>
        <source> · {0} left before completion</source>
        <translation> · faltan {0} para completar</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>“{0}” has changes that are not saved.</source>
        <translation>«{0}» tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Eliminar plantilla</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>¿Eliminar «{0}»?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Runs already dispatched keep their copy of the template.</source>
        <translation>Las ejecuciones ya enviadas conservan su copia de la plantilla.</translation>
    </message>
    <message>
        <source>• (no visible change)</source>
        <translation>• (ningún cambio visible)</translation>
    </message>
    <message>
        <source>
• … and {0} more</source>
        <translation>
• … y {0} más</translation>
    </message>
    <message>
        <source>The template changed on the server</source>
        <translation>La plantilla cambió en el servidor</translation>
    </message>
    <message>
        <source>You are editing version {0}, but the server now has version {1}.</source>
        <translation>Estás editando la versión {0}, pero el servidor tiene ahora la versión {1}.</translation>
    </message>
    <message>
        <source>Save mine as version {0}</source>
        <translation>Guardar la mía como versión {0}</translation>
    </message>
    <message>
        <source>Discard mine and load version {0}</source>
        <translation>Descartar la mía y cargar la versión {0}</translation>
    </message>
    <message>
        <source>Changes made there since version {0}:
{1}</source>
        <translation>Cambios hechos allí desde la versión {0}:
{1}</translation>
    </message>
    <message>
        <source>Import a template</source>
        <translation>Importar una plantilla</translation>
    </message>
    <message>
        <source>Template JSON (*.json);;All files (*)</source>
        <translation>JSON de plantilla (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export the template</source>
        <translation>Exportar la plantilla</translation>
    </message>
    <message>
        <source>Template JSON (*.json)</source>
        <translation>JSON de plantilla (*.json)</translation>
    </message>
</context>
<context>
    <name>PropertiesController</name>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln paso</numerusform>
            <numerusform>%Ln pasos</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” is already an id in this template (each id is used once): the step keeps “{1}”.</source>
        <translation>«{0}» ya es un id de esta plantilla (cada id se usa una sola vez): el paso conserva «{1}».</translation>
    </message>
</context>
<context>
    <name>RemoveSectionCommand</name>
    <message>
        <source>Delete section</source>
        <translation>Eliminar sección</translation>
    </message>
</context>
<context>
    <name>RemoveStepCommand</name>
    <message>
        <source>Delete step</source>
        <translation>Eliminar paso</translation>
    </message>
</context>
<context>
    <name>RunDetailController</name>
    <message>
        <source>Executor</source>
        <translation>Ejecutor</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>version {0}</source>
        <translation>versión {0}</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Cancel the run {0}? Its link stops working and the executor cannot finish it.</source>
        <translation>¿Cancelar la ejecución {0}? Su enlace deja de funcionar y el ejecutor no podrá terminarla.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>This server does not keep answer history.</source>
        <translation>Este servidor no guarda el historial de respuestas.</translation>
    </message>
    <message>
        <source>{0}, passed: only the executor who opened it can still send and complete it</source>
        <translation>{0}, vencido: solo quien la abrió puede aún enviarla y completarla</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The answer history could not be loaded: {0}</source>
        <translation>No se pudo cargar el historial de respuestas: {0}</translation>
    </message>
    <message>
        <source>This server does not report webhook deliveries.</source>
        <translation>Este servidor no informa de las entregas de webhooks.</translation>
    </message>
    <message>
        <source>Webhook deliveries could not be loaded: {0}</source>
        <translation>No se pudieron cargar las entregas de webhooks: {0}</translation>
    </message>
    <message>
        <source>This run was dispatched without a webhook.</source>
        <translation>Esta ejecución se envió sin webhook.</translation>
    </message>
    <message>
        <source>Sent again.</source>
        <translation>Enviado de nuevo.</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>Se canceló la ejecución.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Enlace copiado.</translation>
    </message>
    <message>
        <source>Export run as PDF</source>
        <translation>Exportar la ejecución como PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Escribiendo el PDF…</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Guardado en {0}.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {0}</source>
        <translation>No se pudo escribir el PDF: {0}</translation>
    </message>
</context>
<context>
    <name>RunDetailView</name>
    <message>
        <source>Select a run to see its answers, photos and webhooks.</source>
        <translation>Selecciona una ejecución para ver sus respuestas, fotos y webhooks.</translation>
    </message>
    <message>
        <source>Close the run&apos;s detail (Escape)</source>
        <translation>Cerrar el detalle de la ejecución (Esc)</translation>
    </message>
    <message>
        <source>Close the run&apos;s detail</source>
        <translation>Cerrar el detalle de la ejecución</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>On the executor&apos;s device</source>
        <translation>En el dispositivo del ejecutor</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>Entregas de webhooks</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>This run&apos;s template is not available.</source>
        <translation>La plantilla de esta ejecución no está disponible.</translation>
    </message>
    <message>
        <source>⚠ Finding — this answer needs action</source>
        <translation>⚠ Hallazgo — esta respuesta requiere acción</translation>
    </message>
    <message>
        <source>{0} — photo {1}</source>
        <translation>{0} — foto {1}</translation>
    </message>
    <message>
        <source>GPS {0} · &lt;a href=&quot;{1}&quot;&gt;Open map&lt;/a&gt;</source>
        <translation>GPS {0} · &lt;a href=&quot;{1}&quot;&gt;Abrir mapa&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Answer history</source>
        <translation>Historial de respuestas</translation>
    </message>
    <message>
        <source>No answer has been received yet.</source>
        <translation>Aún no se ha recibido ninguna respuesta.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier write(s) not shown</source>
        <translation>
            <numerusform>%Ln escritura anterior no mostrada</numerusform>
            <numerusform>%Ln escrituras anteriores no mostradas</numerusform>
        </translation>
    </message>
    <message>
        <source>No webhook deliveries for this run.</source>
        <translation>No hay entregas de webhooks para esta ejecución.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln intento</numerusform>
            <numerusform>%Ln intentos</numerusform>
        </translation>
    </message>
    <message>
        <source>next try {0}</source>
        <translation>próximo intento {0}</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Volver a entregar</translation>
    </message>
</context>
<context>
    <name>RunnerController</name>
    <message>
        <source>This run is not on this computer.</source>
        <translation>Esta ejecución no está en este equipo.</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>Tu firma</translation>
    </message>
    <message>
        <source>This run asks for your signature before it is completed.</source>
        <translation>Esta ejecución pide tu firma antes de completarse.</translation>
    </message>
    <message>
        <source> · {0} skipped</source>
        <translation> · omitidas: {0}</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln still incomplete</source>
        <translation>
            <numerusform> · %Ln aún incompleto</numerusform>
            <numerusform> · %Ln aún incompletos</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1} answered{2}</source>
        <translation>{0} de {1} respondidas{2}</translation>
    </message>
    <message>
        <source>The server refused this: </source>
        <translation>El servidor rechazó esto: </translation>
    </message>
    <message>
        <source>The server refused this run.</source>
        <translation>El servidor rechazó esta ejecución.</translation>
    </message>
    <message>
        <source>To go on with it on this computer, open its link again in the Executor&apos;s inbox, with your member sign-in token: what waits here is sent then.</source>
        <translation>Para seguir con ella en este ordenador, vuelve a abrir su enlace en la bandeja del ejecutor, con tu token de acceso de miembro: lo que espera aquí se envía entonces.</translation>
    </message>
    <message>
        <source>Completed and sent to the server.</source>
        <translation>Completada y enviada al servidor.</translation>
    </message>
    <message>
        <source>Completed on this computer. It will be sent as soon as the server can be reached.</source>
        <translation>Completada en este equipo. Se enviará en cuanto se pueda contactar con el servidor.</translation>
    </message>
    <message>
        <source>You gave up this run. The server is told as soon as it can be reached.</source>
        <translation>Abandonaste esta ejecución. Se avisará al servidor en cuanto se pueda contactar con él.</translation>
    </message>
    <message>
        <source>You gave up this run; the organisation has been told.</source>
        <translation>Abandonaste esta ejecución; se ha avisado a la organización.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) chosen before Rundun stopped could not be kept: {0}</source>
        <translation>
            <numerusform>No se pudo guardar %Ln foto elegida antes de que Rundun se cerrara: {0}</numerusform>
            <numerusform>No se pudieron guardar %Ln fotos elegidas antes de que Rundun se cerrara: {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;li&gt;and {0} more&lt;/li&gt;</source>
        <translation>&lt;li&gt;y {0} más&lt;/li&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln thing(s) still missing before this run can be completed&lt;/b&gt; (each links to its step):</source>
        <translation>
            <numerusform>&lt;b&gt;Falta %Ln dato antes de poder completar esta ejecución&lt;/b&gt; (cada uno lleva a su paso):</numerusform>
            <numerusform>&lt;b&gt;Faltan %Ln datos antes de poder completar esta ejecución&lt;/b&gt; (cada uno lleva a su paso):</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the run: {0}</source>
        <translation>No se pudo exportar la ejecución: {0}</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>Exportado a {0}</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <source>← Inbox</source>
        <translation>← Bandeja</translation>
    </message>
    <message>
        <source>Back to the runs on this computer (Esc)</source>
        <translation>Volver a las ejecuciones de este equipo (Esc)</translation>
    </message>
    <message>
        <source>Sections (Alt+← / Alt+→ to move between them)</source>
        <translation>Secciones (Alt+← / Alt+→ para moverse entre ellas)</translation>
    </message>
    <message>
        <source>◀ Previous section</source>
        <translation>◀ Sección anterior</translation>
    </message>
    <message>
        <source>Alt+← or Ctrl+PgUp</source>
        <translation>Alt+← o Ctrl+RePág</translation>
    </message>
    <message>
        <source>Next section ▶</source>
        <translation>Sección siguiente ▶</translation>
    </message>
    <message>
        <source>Alt+→ or Ctrl+PgDown</source>
        <translation>Alt+→ o Ctrl+AvPág</translation>
    </message>
    <message>
        <source>Complete this run? Its answers cannot be changed afterwards. It is sent as soon as the server can be reached.</source>
        <translation>¿Completar esta ejecución? Sus respuestas no se podrán cambiar después. Se enviará en cuanto se pueda contactar con el servidor.</translation>
    </message>
    <message>
        <source>Complete now</source>
        <translation>Completar ahora</translation>
    </message>
    <message>
        <source>Give up this run? The organisation is told that you exited it; it cannot be resumed.</source>
        <translation>¿Abandonar esta ejecución? Se avisará a la organización de que la dejaste; no se podrá reanudar.</translation>
    </message>
    <message>
        <source>Give up the run</source>
        <translation>Abandonar la ejecución</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Motivo (opcional)</translation>
    </message>
    <message>
        <source>Give up run…</source>
        <translation>Abandonar la ejecución…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the answers as JSON with the photo files</source>
        <translation>Guardar las respuestas como JSON con los archivos de fotos</translation>
    </message>
    <message>
        <source>Complete run</source>
        <translation>Completar la ejecución</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Intro</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Runs could not be loaded. {0}</source>
        <translation>No se pudieron cargar las ejecuciones. {0}</translation>
    </message>
    <message>
        <source>New: {0}, shown when the pointer leaves the list</source>
        <translation>Nuevas: {0}, se muestran cuando el puntero sale de la lista</translation>
    </message>
    <message>
        <source>New or changed since this order was read: {0}. &lt;a href=&apos;#&apos;&gt;Sort them in&lt;/a&gt;</source>
        <translation>Nuevas o cambiadas desde que se leyó este orden: {0}. &lt;a href=&apos;#&apos;&gt;Ordenarlas&lt;/a&gt;</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● En directo</translation>
    </message>
    <message>
        <source>◌ Polling</source>
        <translation>◌ Consultando</translation>
    </message>
    <message>
        <source>Updates stream from the server as they happen.</source>
        <translation>Las actualizaciones llegan del servidor en cuanto ocurren.</translation>
    </message>
    <message>
        <source>The event stream is unavailable: checking for changes every few seconds.</source>
        <translation>El flujo de eventos no está disponible: se buscan cambios cada pocos segundos.</translation>
    </message>
    <message>
        <source>No run&apos;s executor ref starts with “{0}”.</source>
        <translation>Ninguna ejecución tiene una referencia que empiece por «{0}».</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Ninguna ejecución coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No runs yet, and no template to dispatch: make one on the Templates page first, or start from the library there.</source>
        <translation>Aún no hay ejecuciones ni plantillas que enviar: crea primero una en la página Plantillas o empieza allí desde la biblioteca.</translation>
    </message>
    <message>
        <source>No runs yet. Dispatch one to get a link for an executor.</source>
        <translation>Aún no hay ejecuciones. Envía una para obtener un enlace para un ejecutor.</translation>
    </message>
    <message>
        <source>Export runs as CSV</source>
        <translation>Exportar ejecuciones como CSV</translation>
    </message>
    <message>
        <source>Exporting… {0}</source>
        <translation>Exportando… {0}</translation>
    </message>
    <message>
        <source>Exported {0} to {1}.</source>
        <translation>{0} exportadas a {1}.</translation>
    </message>
    <message>
        <source>The CSV export failed: {0}</source>
        <translation>La exportación CSV falló: {0}</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Click to sort the runs by this column</source>
        <translation>Haz clic para ordenar las ejecuciones por esta columna</translation>
    </message>
    <message>
        <source>Runs cannot be sorted by this column</source>
        <translation>Las ejecuciones no se pueden ordenar por esta columna</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Cancelled: {0}</source>
        <translation>Cancelada: {0}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Every dispatched checklist, live as executors work.</source>
        <translation>Cada lista de verificación enviada, en directo mientras trabajan los ejecutores.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>The selected runs (or, with one or none selected, every run of this list) as PDF reports</source>
        <translation>Las ejecuciones seleccionadas (o, con una o ninguna seleccionada, todas las de esta lista) como informes PDF</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>Recargar la lista</translation>
    </message>
    <message>
        <source>Dispatch run</source>
        <translation>Enviar ejecución</translation>
    </message>
    <message>
        <source>Executor ref…</source>
        <translation>Referencia…</translation>
    </message>
    <message>
        <source>Shows the runs whose executor ref starts with this (case counts)</source>
        <translation>Muestra las ejecuciones cuya referencia empieza por esto (distingue mayúsculas y minúsculas)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Any findings</source>
        <translation>Cualquier hallazgo</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Con hallazgos</translation>
    </message>
    <message>
        <source>Without findings</source>
        <translation>Sin hallazgos</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Todas las plantillas</translation>
    </message>
    <message>
        <source>Waiting on a device</source>
        <translation>Datos sin enviar</translation>
    </message>
    <message>
        <source>Only runs whose executor&apos;s device still holds changes not yet sent to the server.</source>
        <translation>Solo las ejecuciones cuyo dispositivo aún guarda cambios no enviados al servidor.</translation>
    </message>
    <message>
        <source>One PDF (*.pdf)</source>
        <translation>Un solo PDF (*.pdf)</translation>
    </message>
    <message>
        <source>ZIP of PDFs, one per run (*.zip)</source>
        <translation>ZIP con un PDF por ejecución (*.zip)</translation>
    </message>
    <message>
        <source>Save the reports of {0}</source>
        <translation>Guardar los informes de {0}</translation>
    </message>
    <message>
        <source>Collecting the runs…</source>
        <translation>Reuniendo las ejecuciones…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message>
        <source>Untitled template</source>
        <translation>Plantilla sin título</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>aún no guardada</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · sin guardar</translation>
    </message>
    <message>
        <source> · saved</source>
        <translation> · guardada</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: ⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>No guardada: ⚠ %Ln problema</numerusform>
            <numerusform>No guardada: ⚠ %Ln problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>The template was not saved</source>
        <translation>No se guardó la plantilla</translation>
    </message>
    <message>
        <source>Not saved: the server has version {0}, newer than the version {1} you are editing. Save again to choose between your version and theirs.</source>
        <translation>No guardada: el servidor tiene la versión {0}, más reciente que la versión {1} que estás editando. Guarda de nuevo para elegir entre tu versión y la suya.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>No versions yet</source>
        <translation>Aún no hay versiones</translation>
    </message>
    <message>
        <source>Save the template first; every save keeps a version.</source>
        <translation>Guarda primero la plantilla; cada guardado conserva una versión.</translation>
    </message>
    <message>
        <source>Versions unavailable</source>
        <translation>Versiones no disponibles</translation>
    </message>
    <message>
        <source>Restore version {0}</source>
        <translation>Restaurar la versión {0}</translation>
    </message>
    <message>
        <source>The template was not exported</source>
        <translation>No se exportó la plantilla</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>No se pudo escribir {0}: {1}.</translation>
    </message>
    <message>
        <source>Template exported</source>
        <translation>Plantilla exportada</translation>
    </message>
    <message>
        <source>“{0}” was saved as {1}.</source>
        <translation>«{0}» se guardó como {1}.</translation>
    </message>
</context>
<context>
    <name>SecretReveal</name>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Section title</source>
        <translation>Título de la sección</translation>
    </message>
    <message>
        <source>g-…</source>
        <translation>g-…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Drag steps to reorder them, within this section or into another one. Alt+↑ / Alt+↓ moves the selected step or section.</source>
        <translation>Arrastra los pasos para reordenarlos, dentro de esta sección o a otra. Alt+↑ / Alt+↓ mueve el paso o la sección seleccionados.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Unlimited runs</source>
        <translation>Ejecuciones ilimitadas</translation>
    </message>
    <message>
        <source>{0} runs / month</source>
        <translation>{0} ejecuciones / mes</translation>
    </message>
    <message>
        <source>System default ({0})</source>
        <translation>Predeterminado del sistema ({0})</translation>
    </message>
    <message>
        <source>Rundun speaks {0} from its next start.</source>
        <translation>Rundun hablará {0} desde el próximo inicio.</translation>
    </message>
    <message>
        <source>Run credits: {0} (used once the plan&apos;s runs are spent)</source>
        <translation>Créditos de ejecución: {0} (se usan cuando se agotan las ejecuciones del plan)</translation>
    </message>
    <message>
        <source>Period {0}</source>
        <translation>Periodo {0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>Ponle un nombre a la clave para saber después dónde se usa.</translation>
    </message>
    <message>
        <source>New key “{0}”</source>
        <translation>Nueva clave «{0}»</translation>
    </message>
    <message>
        <source>

This app itself uses this key.</source>
        <translation>

Esta misma aplicación usa esta clave.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Revocar la clave</translation>
    </message>
    <message>
        <source>Revoke “{0}”? Requests with it will be refused.</source>
        <translation>¿Revocar «{0}»? Se rechazarán las peticiones que la usen.</translation>
    </message>
    <message>
        <source>The key was revoked.</source>
        <translation>Se revocó la clave.</translation>
    </message>
    <message>
        <source>The key was revoked. This app now uses a new key of its own.</source>
        <translation>Se revocó la clave. Esta aplicación usa ahora una clave nueva propia.</translation>
    </message>
    <message>
        <source>Enter the member&apos;s name and email.</source>
        <translation>Introduce el nombre y el correo del miembro.</translation>
    </message>
    <message>
        <source>Sign-in token for {0}</source>
        <translation>Token de acceso de {0}</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Quitar miembro</translation>
    </message>
    <message>
        <source>Remove {0}? Their sign-in token stops working.</source>
        <translation>¿Quitar a {0}? Su token de acceso dejará de funcionar.</translation>
    </message>
    <message>
        <source>The member was removed.</source>
        <translation>Se quitó al miembro.</translation>
    </message>
    <message>
        <source>Data in {0}</source>
        <translation>Datos en {0}</translation>
    </message>
    <message>
        <source>API keys are kept in {0}.</source>
        <translation>Las claves de API se guardan en {0}.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL and an API key for it.</source>
        <translation>Introduce la URL del servidor y una clave de API para él.</translation>
    </message>
    <message>
        <source>Connected to {0}.</source>
        <translation>Conectado a {0}.</translation>
    </message>
    <message>
        <source>Using the embedded server.</source>
        <translation>Usando el servidor integrado.</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>No se pudo conectar: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Your organisation, its plan, API keys and members, and the server.</source>
        <translation>Tu organización, su plan, claves de API y miembros, y el servidor.</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Plan and usage</source>
        <translation>Plan y uso</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Default link expiry</source>
        <translation>Caducidad de enlaces</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>Name of the new key, e.g. Booking system</source>
        <translation>Nombre de la nueva clave, p. ej. Sistema de reservas</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Crear clave</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>Claves de API</translation>
    </message>
    <message>
        <source>Copy the API key now: it is shown only this once. Rundun keeps only its SHA-256.</source>
        <translation>Copia ahora la clave de API: solo se muestra esta vez. Rundun guarda únicamente su SHA-256.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Añadir miembro</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Copy the sign-in token now: it is shown only this once. Rundun keeps only its SHA-256.</source>
        <translation>Copia ahora el token de acceso: solo se muestra esta vez. Rundun guarda únicamente su SHA-256.</translation>
    </message>
    <message>
        <source>No members yet. A member fills in runs of templates that ask who does them, signing in with a token shown once, here, when they are added.</source>
        <translation>Aún no hay miembros. Un miembro rellena ejecuciones de plantillas que preguntan quién las hace, e inicia sesión con un token que se muestra una sola vez, aquí, al añadirlo.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Idioma de la aplicación</translation>
    </message>
    <message>
        <source>The words of the app, and how it writes dates and numbers. A template&apos;s own texts are in the languages its designer wrote (the editor&apos;s Translations tab).</source>
        <translation>Las palabras de la aplicación y cómo escribe fechas y números. Los textos de una plantilla están en los idiomas en que los escribió su autor (pestaña Traducciones del editor).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Embedded server on this computer (the default)</source>
        <translation>Servidor integrado en este equipo (predeterminado)</translation>
    </message>
    <message>
        <source>A remote Rundun server</source>
        <translation>Un servidor Rundun remoto</translation>
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
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>This app uses a remote server: its links are as that server makes them.</source>
        <translation>Esta aplicación usa un servidor remoto: sus enlaces son los que crea ese servidor.</translation>
    </message>
    <message>
        <source>Run links start with {0}.</source>
        <translation>Los enlaces de ejecución empiezan por {0}.</translation>
    </message>
    <message>
        <source>they open on this computer only</source>
        <translation>solo se abren en este equipo</translation>
    </message>
    <message>
        <source>phones and computers that reach this address open them</source>
        <translation>los abren los teléfonos y equipos que llegan a esta dirección</translation>
    </message>
    <message>
        <source>Run links start with {0}: {1}.</source>
        <translation>Los enlaces de ejecución empiezan por {0}: {1}.</translation>
    </message>
    <message>
        <source>The server listens on this computer&apos;s network address, {0}: links start with http://{1}:{2}.</source>
        <translation>El servidor escucha en la dirección de red de este equipo, {0}: los enlaces empiezan por http://{1}:{2}.</translation>
    </message>
    <message>
        <source>This computer has no local network address right now (is it connected to a network?).</source>
        <translation>Este equipo no tiene ahora dirección de red local (¿está conectado a una red?).</translation>
    </message>
    <message>
        <source>Enter the public URL, starting with https:// (or http://).</source>
        <translation>Introduce la URL pública, que empiece por https:// (o http://).</translation>
    </message>
    <message>
        <source>This computer has no local network address right now; connect it to a network first.</source>
        <translation>Este equipo no tiene ahora dirección de red local; conéctalo primero a una red.</translation>
    </message>
    <message>
        <source>Done. {0}</source>
        <translation>Hecho. {0}</translation>
    </message>
    <message>
        <source>Photos added from now on are scaled to {0} px, JPEG quality {1}.</source>
        <translation>Las fotos que se añadan a partir de ahora se escalan a {0} px, calidad JPEG {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln día</numerusform>
            <numerusform>%Ln días</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic backups are kept {0}; older ones go at the next daily backup.</source>
        <translation>Las copias automáticas se conservan {0}; las más antiguas se eliminan en la siguiente copia diaria.</translation>
    </message>
</context>
<context>
    <name>SharingView</name>
    <message>
        <source>Who can open run links</source>
        <translation>Quién puede abrir los enlaces de ejecución</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>Phones and computers on this network</source>
        <translation>Teléfonos y equipos de esta red</translation>
    </message>
    <message>
        <source>A public URL that forwards to this computer</source>
        <translation>Una URL pública que redirige a este equipo</translation>
    </message>
    <message>
        <source>Links and QR codes open on this computer only (the safest choice).</source>
        <translation>Los enlaces y códigos QR solo se abren en este equipo (la opción más segura).</translation>
    </message>
    <message>
        <source>https://rundun.example.com (a tunnel or reverse proxy you set up)</source>
        <translation>https://rundun.example.com (un túnel o proxy inverso que configures)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Restart the embedded server with this choice (a second or so)</source>
        <translation>Reiniciar el servidor integrado con esta opción (un segundo más o menos)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Photos added in the executor</source>
        <translation>Fotos añadidas en el ejecutor</translation>
    </message>
    <message>
        <source>Scaled down on this computer when they are added, so that they always fit the server; turned upright, with their place and time kept.</source>
        <translation>Se reducen en este equipo al añadirlas, para que siempre quepan en el servidor; se ponen derechas y conservan su lugar y hora.</translation>
    </message>
    <message>
        <source>Longest side</source>
        <translation>Lado más largo</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>Calidad JPEG</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Automatic backups of this workspace</source>
        <translation>Copias automáticas de este espacio de trabajo</translation>
    </message>
    <message>
        <source>Once a day the embedded server&apos;s runs, answers and photos are backed up into the workspace&apos;s backups folder; older automatic backups are deleted.</source>
        <translation>Una vez al día, las ejecuciones, respuestas y fotos del servidor integrado se copian en la carpeta de copias del espacio de trabajo; las copias automáticas más antiguas se eliminan.</translation>
    </message>
    <message>
        <source>Keep them for</source>
        <translation>Conservarlas durante</translation>
    </message>
</context>
<context>
    <name>SignatureInput</name>
    <message>
        <source>or type your full name</source>
        <translation>o escribe tu nombre completo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Guardar firma</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Firmar de nuevo</translation>
    </message>
    <message>
        <source>Signed (stored on the server)</source>
        <translation>Firmado (guardado en el servidor)</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>Firma aquí</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>⚠ Finding: this answer needs action</source>
        <translation>⚠ Hallazgo: esta respuesta requiere acción</translation>
    </message>
    <message numerus="yes">
        <source>Takes %Ln photo(s) with the answer</source>
        <translation>
            <numerusform>Toma %Ln foto con la respuesta</numerusform>
            <numerusform>Toma %Ln fotos con la respuesta</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes {0}–{1} photos with the answer</source>
        <translation>Toma de {0} a {1} fotos con la respuesta</translation>
    </message>
    <message>
        <source>Records the location</source>
        <translation>Registra la ubicación</translation>
    </message>
    <message>
        <source>The answer {0}.</source>
        <translation>La respuesta {0}.</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Elegir una fecha</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Hacer foto</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <source>(this step&apos;s type is not valid)</source>
        <translation>(el tipo de este paso no es válido)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Omitir este paso</translation>
    </message>
    <message>
        <source>Saved on this computer when you pause typing or leave the field</source>
        <translation>Se guarda en este equipo cuando deja de escribir o sale del campo</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>s-…</source>
        <translation>s-…</translation>
    </message>
    <message>
        <source>The step id (s-…) that answers and conditions refer to</source>
        <translation>El id del paso (s-…) al que se refieren las respuestas y condiciones</translation>
    </message>
    <message>
        <source>What the executor is asked</source>
        <translation>Lo que se pregunta al ejecutor</translation>
    </message>
    <message>
        <source>Optional help under the label</source>
        <translation>Texto de ayuda opcional</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Record the location</source>
        <translation>Registrar la ubicación</translation>
    </message>
    <message>
        <source>Record where the executor is when answering (GPS), with the answer</source>
        <translation>Registrar dónde está el ejecutor al responder (GPS), con la respuesta</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Ayuda</translation>
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
        <translation>Ajustes de la respuesta</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>{0} step</source>
        <translation>Paso: {0}</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>Tipo desconocido</translation>
    </message>
</context>
<context>
    <name>StructureModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Section {0} · {1}</source>
        <translation>Sección {0} · {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln paso</numerusform>
            <numerusform>%Ln pasos</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} step {1}</source>
        <translation>Paso {1} ({0})</translation>
    </message>
    <message>
        <source>
Shown {0}</source>
        <translation>
Se muestra {0}</translation>
    </message>
</context>
<context>
    <name>StructureTree</name>
    <message>
        <source>No sections yet. Add one with Add section ({0}).</source>
        <translation>Aún no hay secciones. Añade una con «Añadir sección» ({0}).</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Try to send every waiting change now</source>
        <translation>Intentar enviar ahora todos los cambios pendientes</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The run is {0}.</source>
        <translation>La ejecución está {0}.</translation>
    </message>
    <message>
        <source>This version cannot send a &apos;{0}&apos; change.</source>
        <translation>Esta versión no puede enviar un cambio de tipo «{0}».</translation>
    </message>
    <message>
        <source>This photo is {0}; the server refused it as too large.</source>
        <translation>Esta foto ocupa {0}; el servidor la rechazó por demasiado grande.</translation>
    </message>
    <message>
        <source>The photo file is missing on this computer; add the photo again.</source>
        <translation>Falta el archivo de la foto en este equipo; añade la foto de nuevo.</translation>
    </message>
    <message>
        <source>The server did not complete the run:
</source>
        <translation>El servidor no completó la ejecución:
</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Nothing to send yet</source>
        <translation>Nada que enviar todavía</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Aún sin conexión</translation>
    </message>
    <message>
        <source>everything is synced</source>
        <translation>todo está sincronizado</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>nada pendiente</translation>
    </message>
    <message>
        <source>No answer from the server for {0} s</source>
        <translation>Sin respuesta del servidor desde hace {0} s</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>sincronizando…</translation>
    </message>
    <message>
        <source>next try in {0} s</source>
        <translation>siguiente intento en {0} s</translation>
    </message>
    <message>
        <source>{0} refused by the server</source>
        <translation>{0} rechazado por el servidor</translation>
    </message>
</context>
<context>
    <name>TemplateListController</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Dispatch run…</source>
        <translation>Enviar ejecución…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln plantilla</numerusform>
            <numerusform>%Ln plantillas</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>Copy of {0}</source>
        <translation>Copia de {0}</translation>
    </message>
    <message>
        <source>Could not duplicate the template</source>
        <translation>No se pudo duplicar la plantilla</translation>
    </message>
    <message>
        <source>Could not delete the template</source>
        <translation>No se pudo eliminar la plantilla</translation>
    </message>
    <message>
        <source>Could not import the file</source>
        <translation>No se pudo importar el archivo</translation>
    </message>
    <message>
        <source>Not a template</source>
        <translation>No es una plantilla</translation>
    </message>
    <message>
        <source>Could not export the template</source>
        <translation>No se pudo exportar la plantilla</translation>
    </message>
    <message>
        <source>This server cannot generate templates yet.</source>
        <translation>Este servidor aún no puede generar plantillas.</translation>
    </message>
</context>
<context>
    <name>TemplateListView</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>Buscar plantillas</translation>
    </message>
    <message>
        <source>Finds templates by their name and description</source>
        <translation>Busca plantillas por nombre y descripción</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>From library…</source>
        <translation>Desde la biblioteca…</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Generar…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Dispatch run…</source>
        <translation>Enviar ejecución…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>No templates yet.
Start from one of the library&apos;s ready-made checklists, describe one to generate it, build one step by step, or import a .json file.</source>
        <translation>Aún no hay plantillas.
Empiece con una de las listas de comprobación ya hechas de la biblioteca, describa una para generarla, créela paso a paso o importe un archivo .json.</translation>
    </message>
    <message>
        <source>Start from the library…</source>
        <translation>Empezar desde la biblioteca…</translation>
    </message>
    <message>
        <source>Generate from a description…</source>
        <translation>Generar a partir de una descripción…</translation>
    </message>
    <message>
        <source>No template matches the search or the tag chosen.</source>
        <translation>Ninguna plantilla coincide con la búsqueda o la etiqueta elegida.</translation>
    </message>
</context>
<context>
    <name>TemplatePanel</name>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>What this checklist is for (optional)</source>
        <translation>Para qué sirve esta lista (opcional)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. vehicle, rental</source>
        <translation>Separadas por comas, p. ej. vehículo, alquiler</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>The executor may skip steps</source>
        <translation>El ejecutor puede omitir pasos</translation>
    </message>
    <message>
        <source>Ask for a signature on completion</source>
        <translation>Pedir una firma al completar</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Tiempo estimado</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Anyone with the link</source>
        <translation>Cualquiera con el enlace</translation>
    </message>
    <message>
        <source>Members of the organisation only</source>
        <translation>Solo los miembros de la organización</translation>
    </message>
    <message>
        <source>No identity asked</source>
        <translation>No se pide identidad</translation>
    </message>
    <message>
        <source>Name and email</source>
        <translation>Nombre y correo</translation>
    </message>
    <message>
        <source>A signed-in member</source>
        <translation>Un miembro con sesión iniciada</translation>
    </message>
    <message>
        <source>Who may run it</source>
        <translation>Quién puede ejecutarla</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>“{0}” has changes that were not saved when Rundun last closed (kept {1}). Recover them to go on editing, or discard them.</source>
        <translation>«{0}» tiene cambios que no se guardaron la última vez que se cerró Rundun (conservados el {1}). Recupérelos para seguir editando, o descártelos.</translation>
    </message>
    <message>
        <source>Could not open the template</source>
        <translation>No se pudo abrir la plantilla</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Recuperar los cambios sin guardar</translation>
    </message>
</context>
<context>
    <name>Thumb</name>
    <message>
        <source> · on the server (not on this computer)</source>
        <translation> · en el servidor (no en este equipo)</translation>
    </message>
    <message>
        <source>Photo {0} · {1}{2} — Delete, twice, removes it</source>
        <translation>Foto {0} · {1}{2} — Supr dos veces la quita</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>Foto {0}</translation>
    </message>
    <message>
        <source>Remove?</source>
        <translation>¿Quitar?</translation>
    </message>
    <message>
        <source>Click again to remove this photo; Escape keeps it</source>
        <translation>Haz clic otra vez para quitar esta foto; Esc la conserva</translation>
    </message>
    <message>
        <source>Remove this photo</source>
        <translation>Quitar esta foto</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Sin vista previa</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <source>Loading photo…</source>
        <translation>Cargando la foto…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Sin vista previa</translation>
    </message>
    <message>
        <source>This photo&apos;s format cannot be previewed here.</source>
        <translation>El formato de esta foto no se puede previsualizar aquí.</translation>
    </message>
    <message>
        <source>Click to view</source>
        <translation>Haz clic para verla</translation>
    </message>
</context>
<context>
    <name>TimeInput</name>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
</context>
<context>
    <name>TranslationTableModel</name>
    <message>
        <source>Translated from “{0}”; the source now reads “{1}”. Check the translation.</source>
        <translation>Traducido de «{0}»; el original ahora dice «{1}». Revisa la traducción.</translation>
    </message>
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
        <translation>Por ahora solo el idioma original: añade un idioma para traducir.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} de {2}</translation>
    </message>
    <message>
        <source>{0}, the source</source>
        <translation>{0}, el original</translation>
    </message>
    <message numerus="yes">
        <source>%Ln translation(s) to check: the source changed after they were translated (highlighted).</source>
        <translation>
            <numerusform>%Ln traducción por revisar: su texto original cambió después de traducirla (resaltada).</numerusform>
            <numerusform>%Ln traducciones por revisar: su texto original cambió después de traducirlas (resaltadas).</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} is the source language: its texts are edited in Properties. Choose or add another language to translate.</source>
        <translation>{0} es el idioma original: sus textos se editan en Propiedades. Elige o añade otro idioma para traducir.</translation>
    </message>
    <message>
        <source>Translate {0} into {1}</source>
        <translation>Traducir {0} al {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a language tag. Use a BCP 47 tag such as de, es, ar or pt-BR.</source>
        <translation>«{0}» no es una etiqueta de idioma. Usa una etiqueta BCP 47 como de, es, ar o pt-BR.</translation>
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
        <source>Remove language {0}</source>
        <translation>Quitar el idioma {0}</translation>
    </message>
    <message>
        <source>Choose the language the file translates into first.</source>
        <translation>Elige primero el idioma al que traduce el archivo.</translation>
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
        <translation>Elige o añade primero un idioma para traducir.</translation>
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
        <source>Remove language…</source>
        <translation>Quitar idioma…</translation>
    </message>
    <message>
        <source>Remove the chosen language and its translations from the template</source>
        <translation>Quitar de la plantilla el idioma elegido y sus traducciones</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Añadir idioma</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), e.g. de, es, ar, pt-BR, or the language&apos;s name in English or in its own language (Arabic, العربية):</source>
        <translation>Etiqueta de idioma (BCP 47), p. ej. de, es, ar, pt-BR, o el nombre del idioma en inglés o en el propio idioma (Arabic, العربية):</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>Quitar idioma</translation>
    </message>
    <message>
        <source>Remove {0} from this template?</source>
        <translation>¿Quitar {0} de esta plantilla?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln translated text(s) go with it. Runs already dispatched in it keep theirs.</source>
        <translation>
            <numerusform>Se quita con él %Ln texto traducido. Las ejecuciones ya enviadas en ese idioma conservan los suyos.</numerusform>
            <numerusform>Se quitan con él %Ln textos traducidos. Las ejecuciones ya enviadas en ese idioma conservan los suyos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>Quitar {0}</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
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
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Versiones guardadas</translation>
    </message>
    <message>
        <source>v{0}  ·  {1}</source>
        <translation>v{0}  ·  {1}</translation>
    </message>
    <message>
        <source>Restore into the editor</source>
        <translation>Restaurar en el editor</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Changes from</source>
        <translation>Cambios desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>This is the only version so far.</source>
        <translation>Esta es la única versión por ahora.</translation>
    </message>
    <message>
        <source>From version {0} to version {1}:</source>
        <translation>De la versión {0} a la versión {1}:</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Sin diferencias.</translation>
    </message>
</context>
<context>
    <name>WorkspaceBackups</name>
    <message>
        <source>The backup of {0} ({1}, {2}) is checked and ready. Rundun uses it from its next start; the current workspace is kept beside it.</source>
        <translation>La copia de {0} ({1}, {2}) está comprobada y lista. Rundun la usará desde el próximo inicio; el espacio de trabajo actual se conserva al lado.</translation>
    </message>
    <message>
        <source>A passphrase to encrypt the backup (leave empty for none):</source>
        <translation>Una frase de contraseña para cifrar la copia (déjala vacía para no cifrar):</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>Haciendo copia del espacio de trabajo…</translation>
    </message>
    <message>
        <source>{0}, {1}, {2} and {3} saved to {4}.</source>
        <translation>{0}, {1}, {2} y {3} guardados en {4}.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia falló</translation>
    </message>
    <message>
        <source>The backup was not written: {0}</source>
        <translation>La copia no se escribió: {0}</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Copia escrita</translation>
    </message>
    <message>
        <source>The same passphrase again, to be sure of it:</source>
        <translation>La misma frase de contraseña otra vez, para estar seguros:</translation>
    </message>
    <message>
        <source>The two passphrases differ. A passphrase to encrypt the backup (leave empty for none):</source>
        <translation>Las dos frases de contraseña no coinciden. Una frase de contraseña para cifrar la copia (déjala vacía para no cifrar):</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Comprobando la copia…</translation>
    </message>
    <message>
        <source>This backup is encrypted. Its passphrase:</source>
        <translation>Esta copia de seguridad está cifrada. Su frase de contraseña:</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup. Try again:</source>
        <translation>Esa frase de contraseña no abre esta copia. Inténtelo de nuevo:</translation>
    </message>
    <message>
        <source>Restore refused</source>
        <translation>Restauración rechazada</translation>
    </message>
    <message>
        <source>Nothing was changed: {0}</source>
        <translation>No se cambió nada: {0}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia restaurada</translation>
    </message>
    <message>
        <source>Another backup is being written; try again in a moment.</source>
        <translation>Se está escribiendo otra copia de seguridad; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>automatic backup failed: {0}</source>
        <translation>falló la copia automática: {0}</translation>
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
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Sin firmar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>Otras respuestas</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Hidden (its condition was not met)</source>
        <translation>Oculto (no se cumplió su condición)</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Server disk full: changes are not being saved. Free some space; this clears by itself.</source>
        <translation>Disco del servidor lleno: los cambios no se están guardando. Libera algo de espacio; esto se resuelve solo.</translation>
    </message>
    <message>
        <source>A remote server is backed up by its operator (rundun-server backup).</source>
        <translation>Un servidor remoto lo copia su operador (rundun-server backup).</translation>
    </message>
</context>
<context>
    <name>backup_view</name>
    <message>
        <source>Rundun backups (*.rdbk);;All files (*)</source>
        <translation>Copias de Rundun (*.rdbk);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <source>Run {0} of {1}</source>
        <translation>Ejecución {0} de {1}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>Take a photo</source>
        <translation>Hacer una foto</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Hacer foto</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Runs per week, by status now</source>
        <translation>Ejecuciones por semana, según su estado actual</translation>
    </message>
    <message>
        <source>Runs per day, by status now</source>
        <translation>Ejecuciones por día, según su estado actual</translation>
    </message>
    <message>
        <source>⚠ finding</source>
        <translation>⚠ hallazgo</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>{0} (version {1}, changed {2})</source>
        <translation>{0} (versión {1}, modificada {2})</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Todas las plantillas</translation>
    </message>
</context>
<context>
    <name>condition_text</name>
    <message>
        <source>Yes / no</source>
        <translation>Sí / no</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Opción única</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Opción múltiple</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Instrucción</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>es mayor que</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>es al menos</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>es menor que</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>es como mucho</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>es posterior a</translation>
    </message>
    <message>
        <source>is on or after</source>
        <translation>es el mismo día o posterior a</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>es anterior a</translation>
    </message>
    <message>
        <source>is on or before</source>
        <translation>es el mismo día o anterior a</translation>
    </message>
    <message>
        <source>is</source>
        <translation>es</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>no es</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>es una de</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>no es ninguna de</translation>
    </message>
    <message>
        <source>is answered</source>
        <translation>está respondido</translation>
    </message>
    <message>
        <source>is not answered</source>
        <translation>no está respondido</translation>
    </message>
    <message>
        <source>{0} is {1}</source>
        <translation>{0} es {1}</translation>
    </message>
    <message>
        <source>{0} is not {1}</source>
        <translation>{0} no es {1}</translation>
    </message>
    <message>
        <source>{0} is more than {1}</source>
        <translation>{0} es mayor que {1}</translation>
    </message>
    <message>
        <source>{0} is at least {1}</source>
        <translation>{0} es al menos {1}</translation>
    </message>
    <message>
        <source>{0} is less than {1}</source>
        <translation>{0} es menor que {1}</translation>
    </message>
    <message>
        <source>{0} is at most {1}</source>
        <translation>{0} es como mucho {1}</translation>
    </message>
    <message>
        <source>{0} is one of {1}</source>
        <translation>{0} es {1}</translation>
    </message>
    <message>
        <source>{0} is none of {1}</source>
        <translation>{0} no es ninguna de {1}</translation>
    </message>
    <message>
        <source>{0} contains {1}</source>
        <translation>{0} contiene {1}</translation>
    </message>
    <message>
        <source>{0} is answered</source>
        <translation>{0} está respondido</translation>
    </message>
    <message>
        <source>{0} is not answered</source>
        <translation>{0} no está respondido</translation>
    </message>
    <message>
        <source>{0} is after {1}</source>
        <translation>{0} es posterior al {1}</translation>
    </message>
    <message>
        <source>{0} is on or after {1}</source>
        <translation>{0} es el {1} o posterior</translation>
    </message>
    <message>
        <source>{0} is before {1}</source>
        <translation>{0} es anterior al {1}</translation>
    </message>
    <message>
        <source>{0} is on or before {1}</source>
        <translation>{0} es el {1} o anterior</translation>
    </message>
    <message>
        <source>{0} includes {1}</source>
        <translation>en {0} se ha marcado {1}</translation>
    </message>
    <message>
        <source>includes</source>
        <translation>incluye</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contiene</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} o {1}</translation>
    </message>
    <message>
        <source>true</source>
        <translation>verdadero</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falso</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} y {1}</translation>
    </message>
    <message>
        <source>only if {0}</source>
        <translation>solo si {0}</translation>
    </message>
</context>
<context>
    <name>config_view</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Label for yes</source>
        <translation>Etiqueta para sí</translation>
    </message>
    <message>
        <source>Label for no</source>
        <translation>Etiqueta para no</translation>
    </message>
    <message>
        <source>e.g. km, °C, kg</source>
        <translation>p. ej. km, °C, kg</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>sin mínimo</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>sin máximo</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Decimal places allowed in the answer</source>
        <translation>Decimales permitidos en la respuesta</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Decimal places</source>
        <translation>Decimales</translation>
    </message>
    <message>
        <source>Several lines (a text area)</source>
        <translation>Varias líneas (área de texto)</translation>
    </message>
    <message>
        <source>Shown in the empty field</source>
        <translation>Se muestra en el campo vacío</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Texto de ejemplo</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Longitud máxima</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Al menos</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <source>e.g. Poor</source>
        <translation>p. ej. Malo</translation>
    </message>
    <message>
        <source>e.g. Excellent</source>
        <translation>p. ej. Excelente</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Label of the low end</source>
        <translation>Etiqueta del extremo inferior</translation>
    </message>
    <message>
        <source>Label of the high end</source>
        <translation>Etiqueta del extremo superior</translation>
    </message>
    <message>
        <source>The photos are the answer of a photo step.</source>
        <translation>Las fotos son la respuesta de un paso de foto.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (none)</source>
        <translation>AAAA-MM-DD (ninguna)</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>Como pronto</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Como tarde</translation>
    </message>
    <message>
        <source>What the executor should read or do</source>
        <translation>Lo que el ejecutor debe leer o hacer</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>A time step asks for HH:MM and has nothing to set.</source>
        <translation>Un paso de hora pide HH:MM y no tiene nada que configurar.</translation>
    </message>
    <message>
        <source>A signature step asks for exactly one signature image.</source>
        <translation>Un paso de firma pide exactamente una imagen de firma.</translation>
    </message>
</context>
<context>
    <name>device_words</name>
    <message>
        <source>{0} · {1} on the device</source>
        <translation>{0} · {1} en el dispositivo</translation>
    </message>
    <message>
        <source>{0} on the device</source>
        <translation>{0} en el dispositivo</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Todo enviado</translation>
    </message>
    <message>
        <source>last contact {0}</source>
        <translation>último contacto {0}</translation>
    </message>
    <message>
        <source>No device has reported on this run yet (it was never opened by the desktop app, or by an app that does not say what it still holds).</source>
        <translation>Ningún dispositivo ha informado aún sobre esta ejecución (nunca se abrió en la aplicación de escritorio, o en una aplicación que no dice lo que aún guarda).</translation>
    </message>
    <message>
        <source>The executor&apos;s device{0} had sent everything it held for this run.</source>
        <translation>El dispositivo del ejecutor{0} había enviado todo lo que guardaba de esta ejecución.</translation>
    </message>
    <message>
        <source>{0} refused by the server and kept on the device for the executor to fix.</source>
        <translation>El servidor rechazó {0}; el dispositivo lo guarda todo para que el ejecutor lo corrija.</translation>
    </message>
    <message>
        <source>Last contact {0} ({1}).</source>
        <translation>Último contacto {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>diff</name>
    <message>
        <source>Skipping steps allowed</source>
        <translation>Se permite omitir pasos</translation>
    </message>
    <message>
        <source>Signature on completion</source>
        <translation>Firma al completar</translation>
    </message>
    <message>
        <source>Estimated minutes</source>
        <translation>Minutos estimados</translation>
    </message>
    <message>
        <source>Who may run it</source>
        <translation>Quién puede ejecutarla</translation>
    </message>
    <message>
        <source>Identity required</source>
        <translation>Identidad obligatoria</translation>
    </message>
    <message>
        <source>Language removed: {0}</source>
        <translation>Idioma quitado: {0}</translation>
    </message>
    <message>
        <source>Language added: {0}</source>
        <translation>Idioma añadido: {0}</translation>
    </message>
    <message>
        <source>Source language</source>
        <translation>Idioma de origen</translation>
    </message>
    <message>
        <source>Added section “{0}”</source>
        <translation>Sección «{0}» añadida</translation>
    </message>
    <message>
        <source>Section “{0}” renamed to “{1}”</source>
        <translation>Sección «{0}» renombrada a «{1}»</translation>
    </message>
    <message>
        <source>Removed section “{0}” and its steps</source>
        <translation>Sección «{0}» eliminada con sus pasos</translation>
    </message>
    <message>
        <source>Sections reordered: </source>
        <translation>Secciones reordenadas: </translation>
    </message>
    <message>
        <source>Added {0} step “{1}” to “{2}”</source>
        <translation>Paso ({0}) «{1}» añadido a «{2}»</translation>
    </message>
    <message>
        <source>Removed step “{0}” from “{1}”</source>
        <translation>Paso «{0}» eliminado de «{1}»</translation>
    </message>
    <message>
        <source>Step “{0}”</source>
        <translation>Paso «{0}»</translation>
    </message>
    <message>
        <source>{0} moved from “{1}” to “{2}”</source>
        <translation>{0} movido de «{1}» a «{2}»</translation>
    </message>
    <message>
        <source>always shown</source>
        <translation>se muestra siempre</translation>
    </message>
    <message>
        <source>{0}: now {1} (was: {2})</source>
        <translation>{0}: ahora {1} (antes: {2})</translation>
    </message>
    <message>
        <source>{0}: added option “{1}”</source>
        <translation>{0}: opción «{1}» añadida</translation>
    </message>
    <message>
        <source>{0}: option “{1}” renamed to “{2}”</source>
        <translation>{0}: opción «{1}» renombrada a «{2}»</translation>
    </message>
    <message>
        <source>{0}: removed option “{1}”</source>
        <translation>{0}: opción «{1}» eliminada</translation>
    </message>
    <message>
        <source>{0}: options reordered</source>
        <translation>{0}: opciones reordenadas</translation>
    </message>
</context>
<context>
    <name>dispatch_view</name>
    <message>
        <source>Scan to open the run on a phone, or send the link.</source>
        <translation>Escanéalo para abrir la ejecución en un teléfono, o envía el enlace.</translation>
    </message>
    <message>
        <source>This link works on this computer only: the embedded server is not shared. To open runs on a phone or another computer, share it on the local network or give it a public URL in Settings → Sharing.</source>
        <translation>Este enlace solo funciona en este equipo: el servidor integrado no está compartido. Para abrir ejecuciones en un teléfono u otro equipo, compártelo en la red local o dale una URL pública en Ajustes → Compartir.</translation>
    </message>
</context>
<context>
    <name>doc</name>
    <message>
        <source>The template must be a JSON object.</source>
        <translation>La plantilla debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>sections must be a list.</source>
        <translation>sections debe ser una lista.</translation>
    </message>
    <message>
        <source>sections[{0}] must be an object.</source>
        <translation>sections[{0}] debe ser un objeto.</translation>
    </message>
    <message>
        <source>sections[{0}].steps must be a list.</source>
        <translation>sections[{0}].steps debe ser una lista.</translation>
    </message>
    <message>
        <source>sections[{0}].steps[{1}] must be an object.</source>
        <translation>sections[{0}].steps[{1}] debe ser un objeto.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>could not write {0}</source>
        <translation>no se pudo escribir {0}</translation>
    </message>
</context>
<context>
    <name>factory</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Option 1</source>
        <translation>Opción 1</translation>
    </message>
    <message>
        <source>Untitled template</source>
        <translation>Plantilla sin título</translation>
    </message>
    <message>
        <source>Section 1</source>
        <translation>Sección 1</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Nuevo paso</translation>
    </message>
</context>
<context>
    <name>flag_text</name>
    <message>
        <source>A finding when the answer is {0}</source>
        <translation>Un hallazgo cuando la respuesta es {0}</translation>
    </message>
    <message>
        <source>A finding when {0} is chosen</source>
        <translation>Un hallazgo cuando se elige {0}</translation>
    </message>
    <message>
        <source>A finding when any of {0} is chosen</source>
        <translation>Un hallazgo cuando se elige cualquiera de {0}</translation>
    </message>
    <message>
        <source>below {0}</source>
        <translation>menor que {0}</translation>
    </message>
    <message>
        <source>above {0}</source>
        <translation>mayor que {0}</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} o {1}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>link revoked</source>
        <translation>enlace revocado</translation>
    </message>
    <message>
        <source>the executor gave up</source>
        <translation>el ejecutor la abandonó</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} d</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>dentro de {0}</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>hace {0}</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>en un momento</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Externo</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anónimo</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completa</translation>
    </message>
</context>
<context>
    <name>generate_dialog</name>
    <message>
        <source>Made by the offline generator; set RUNDUN_LLM_BASE_URL on the server to use a language model.</source>
        <translation>Creada por el generador sin conexión; define RUNDUN_LLM_BASE_URL en el servidor para usar un modelo de lenguaje.</translation>
    </message>
    <message>
        <source>a language model</source>
        <translation>un modelo de lenguaje</translation>
    </message>
    <message>
        <source>, starting from the library template &apos;{0}&apos;</source>
        <translation>, a partir de la plantilla de la biblioteca «{0}»</translation>
    </message>
    <message>
        <source>Made by {0}{1}.</source>
        <translation>Creada por {0}{1}.</translation>
    </message>
    <message>
        <source>Built from the library template &apos;{0}&apos; plus {1}.</source>
        <translation>Creada a partir de la plantilla de la biblioteca «{0}» más {1}.</translation>
    </message>
    <message>
        <source>Built from the library template &apos;{0}&apos;.</source>
        <translation>Creada a partir de la plantilla de la biblioteca «{0}».</translation>
    </message>
    <message>
        <source>No library template matched: built from the {0}.</source>
        <translation>Ninguna plantilla de la biblioteca coincidió: creada a partir de {0}.</translation>
    </message>
    <message>
        <source>No library template matched and the prompt lists no items: a general checklist.</source>
        <translation>Ninguna plantilla de la biblioteca coincidió y la petición no enumera elementos: una lista general.</translation>
    </message>
    <message>
        <source>The language model gave no usable answer, so the offline generator made it. </source>
        <translation>El modelo de lenguaje no dio una respuesta útil, así que la creó el generador sin conexión. </translation>
    </message>
</context>
<context>
    <name>headers</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Con hallazgos</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ejecutor</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>On the device</source>
        <translation>En el dispositivo</translation>
    </message>
</context>
<context>
    <name>history_words</name>
    <message>
        <source>lost: a newer answer was already stored</source>
        <translation>perdida: ya se había guardado una respuesta más reciente</translation>
    </message>
    <message>
        <source>sent again (already received)</source>
        <translation>enviada de nuevo (ya recibida)</translation>
    </message>
    <message>
        <source>photo {n} added</source>
        <translation>foto {n} añadida</translation>
    </message>
    <message>
        <source>photo {n} removed</source>
        <translation>foto {n} quitada</translation>
    </message>
    <message>
        <source>received {0}</source>
        <translation>recibido {0}</translation>
    </message>
    <message>
        <source>device {0} · received {1}</source>
        <translation>dispositivo {0} · recibido {1}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>English</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <source> Opening a run needs the network once; after that it works offline.</source>
        <translation> Abrir una ejecución requiere red una vez; después funciona sin conexión.</translation>
    </message>
    <message>
        <source> It opens by itself as soon as the server answers.</source>
        <translation> Se abre sola en cuanto el servidor responda.</translation>
    </message>
    <message>
        <source>Someone else has already opened this run.</source>
        <translation>Otra persona ya abrió esta ejecución.</translation>
    </message>
    <message>
        <source>This run has expired; it can no longer be opened.</source>
        <translation>Esta ejecución ha caducado; ya no se puede abrir.</translation>
    </message>
    <message>
        <source>This run is already finished.</source>
        <translation>Esta ejecución ya está terminada.</translation>
    </message>
</context>
<context>
    <name>inbox_model</name>
    <message>
        <source>Refused by the server</source>
        <translation>Rechazado por el servidor</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <source>Completed here · {0}</source>
        <translation>Completada aquí · {0}</translation>
    </message>
    <message>
        <source>Completed here</source>
        <translation>Completada aquí</translation>
    </message>
    <message>
        <source>Given up here · waiting to sync</source>
        <translation>Abandonada aquí · pendiente de sincronizar</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>Todo sincronizado</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>vence {0}</translation>
    </message>
</context>
<context>
    <name>inputs</name>
    <message>
        <source>{0} to {1}</source>
        <translation>de {0} a {1}</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>al menos {0}</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>como máximo {0}</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>número entero</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>from {0} to {1}</source>
        <translation>del {0} al {1}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>desde el {0}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>hasta el {0}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>Paste a run link first.</source>
        <translation>Pega primero un enlace de ejecución.</translation>
    </message>
    <message>
        <source>A rundun:// link looks like {0}; this one does not.</source>
        <translation>Un enlace rundun:// tiene la forma {0}; este no.</translation>
    </message>
    <message>
        <source>That web address is not a run link (it should end in /r/r-…).</source>
        <translation>Esa dirección web no es un enlace de ejecución (debería terminar en /r/r-…).</translation>
    </message>
    <message>
        <source>That is not a run link: paste the https://…/r/… link you were sent, or a rundun://r/… link.</source>
        <translation>Eso no es un enlace de ejecución: pega el enlace https://…/r/… que recibiste, o un enlace rundun://r/….</translation>
    </message>
    <message>
        <source>Wrote {0}.</source>
        <translation>Escrito {0}.</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} falló: {1}</translation>
    </message>
    <message>
        <source>rundun:// links now open Rundun.</source>
        <translation>Los enlaces rundun:// abren ahora Rundun.</translation>
    </message>
    <message>
        <source>On macOS, rundun:// links open Rundun once it is installed from its app bundle (the bundle declares the scheme); a copy run from source cannot register it.</source>
        <translation>En macOS, los enlaces rundun:// abren Rundun una vez instalado desde su paquete de aplicación (el paquete declara el esquema); una copia ejecutada desde el código fuente no puede registrarlo.</translation>
    </message>
    <message>
        <source>Registering rundun:// is not supported on {0}.</source>
        <translation>No se admite registrar rundun:// en {0}.</translation>
    </message>
    <message>
        <source>The Windows registry exists only on Windows.</source>
        <translation>El registro de Windows solo existe en Windows.</translation>
    </message>
    <message>
        <source>Registered rundun:// for this Windows user; rundun:// links now open Rundun.</source>
        <translation>rundun:// registrado para este usuario de Windows; los enlaces rundun:// abren ahora Rundun.</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ejecutor</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir a</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Dispatched</source>
        <translation>Enviadas</translation>
    </message>
    <message>
        <source>runs created in the period</source>
        <translation>ejecuciones creadas en el periodo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completadas</translation>
    </message>
    <message>
        <source>of them completed</source>
        <translation>de ellas completadas</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>Tasa de finalización</translation>
    </message>
    <message>
        <source>completed ÷ dispatched</source>
        <translation>completadas ÷ enviadas</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Tiempo mediano</translation>
    </message>
    <message>
        <source>from opening to completion</source>
        <translation>desde la apertura hasta la finalización</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Con hallazgos</translation>
    </message>
    <message>
        <source>runs with at least one finding</source>
        <translation>ejecuciones con al menos un hallazgo</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducadas</translation>
    </message>
    <message>
        <source>not finished in time</source>
        <translation>no terminadas a tiempo</translation>
    </message>
    <message>
        <source>⚠ finding</source>
        <translation>⚠ hallazgo</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>A rundun:// link names no server: connect to the run&apos;s server in Settings first.</source>
        <translation>Un enlace rundun:// no indica servidor: conéctate primero en Ajustes al servidor de la ejecución.</translation>
    </message>
    <message>
        <source>This run asks for your name and email before it opens.</source>
        <translation>Esta ejecución pide tu nombre y correo antes de abrirse.</translation>
    </message>
    <message>
        <source>Only a member of the organisation may open this run: paste your member sign-in token (rdm_…).</source>
        <translation>Solo un miembro de la organización puede abrir esta ejecución: pega tu token de acceso de miembro (rdm_…).</translation>
    </message>
    <message>
        <source>That member token was refused: </source>
        <translation>Se rechazó ese token de miembro: </translation>
    </message>
    <message>
        <source>This run is not on the server this app is connected to ({0}); a rundun:// link does not say which server a run is on. Paste the full https://… link you were sent, or connect to that run&apos;s server.</source>
        <translation>Esta ejecución no está en el servidor al que está conectada la aplicación ({0}); un enlace rundun:// no dice en qué servidor está una ejecución. Pega el enlace https://… completo que recibiste o conéctate al servidor de esa ejecución.</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>{0} (version {1})</source>
        <translation>{0} (versión {1})</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ejecutor</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>Rundun run report</source>
        <translation>Informe de ejecución de Rundun</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>map</source>
        <translation>mapa</translation>
    </message>
    <message>
        <source>[photo {0} not available]</source>
        <translation>[foto {0} no disponible]</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>[signature image not available]</source>
        <translation>[imagen de la firma no disponible]</translation>
    </message>
    <message>
        <source>Generated by Rundun on {0}.</source>
        <translation>Generado por Rundun el {0}.</translation>
    </message>
    <message>
        <source>lost: {0} ({1})</source>
        <translation>perdida: {0} ({1})</translation>
    </message>
    <message>
        <source>cannot write in {0}</source>
        <translation>no se puede escribir en {0}</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>Ejecución {0}</translation>
    </message>
</context>
<context>
    <name>photo_intake</name>
    <message>
        <source>Rundun stopped before it could keep this image.</source>
        <translation>Rundun se cerró antes de poder guardar esta imagen.</translation>
    </message>
    <message>
        <source>The photo {0}, added at {1}, was not kept: {2}</source>
        <translation>La foto {0}, añadida a las {1}, no se guardó: {2}</translation>
    </message>
    <message>
        <source>An image dropped or pasted here at {0} was not kept: {1}</source>
        <translation>Una imagen soltada o pegada aquí a las {0} no se guardó: {1}</translation>
    </message>
    <message>
        <source>Add it again.</source>
        <translation>Vuelve a añadirla.</translation>
    </message>
</context>
<context>
    <name>photo_prep</name>
    <message>
        <source>This file is not a photo the server takes: it must be a JPEG, PNG, WebP or HEIC image.</source>
        <translation>Este archivo no es una foto que acepte el servidor: debe ser una imagen JPEG, PNG, WebP o HEIC.</translation>
    </message>
    <message>
        <source>This file is empty (0 bytes): it holds no photo. Copy or save the photo again, then add it.</source>
        <translation>Este archivo está vacío (0 bytes): no contiene ninguna foto. Vuelve a copiar o guardar la foto y añádela después.</translation>
    </message>
    <message>
        <source>This image has too many pixels to open (over 178 megapixels); it is not a photo to send.</source>
        <translation>Esta imagen tiene demasiados píxeles para abrirla (más de 178 megapíxeles); no es una foto para enviar.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>No se puede leer {0}: {1}.</translation>
    </message>
    <message>
        <source>This photo&apos;s file is damaged; it cannot be read.</source>
        <translation>El archivo de esta foto está dañado; no se puede leer.</translation>
    </message>
</context>
<context>
    <name>photo_words</name>
    <message>
        <source>This photo is {0}; the server accepts up to {1}.</source>
        <translation>Esta foto ocupa {0}; el servidor acepta hasta {1}.</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)</translation>
    </message>
</context>
<context>
    <name>preview_cards</name>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
</context>
<context>
    <name>problem_words</name>
    <message>
        <source>name</source>
        <translation>el nombre</translation>
    </message>
    <message>
        <source>description</source>
        <translation>la descripción</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>las etiquetas</translation>
    </message>
    <message>
        <source>title</source>
        <translation>el título</translation>
    </message>
    <message>
        <source>label</source>
        <translation>la etiqueta</translation>
    </message>
    <message>
        <source>hint</source>
        <translation>la ayuda</translation>
    </message>
    <message>
        <source>id</source>
        <translation>el ID</translation>
    </message>
    <message>
        <source>type</source>
        <translation>el tipo</translation>
    </message>
    <message>
        <source>“Required” box</source>
        <translation>la casilla «Obligatorio»</translation>
    </message>
    <message>
        <source>location setting</source>
        <translation>el ajuste de ubicación</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>las fotos</translation>
    </message>
    <message>
        <source>least number of photos</source>
        <translation>el mínimo de fotos</translation>
    </message>
    <message>
        <source>most number of photos</source>
        <translation>el máximo de fotos</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>la condición</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>hallazgo</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>los pasos</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>las secciones</translation>
    </message>
    <message>
        <source>answer settings</source>
        <translation>los ajustes de respuesta</translation>
    </message>
    <message>
        <source>options</source>
        <translation>las opciones</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>el mínimo</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>el máximo</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>la unidad</translation>
    </message>
    <message>
        <source>decimal places</source>
        <translation>los decimales</translation>
    </message>
    <message>
        <source>“At least”</source>
        <translation>«Al menos»</translation>
    </message>
    <message>
        <source>“At most”</source>
        <translation>«Como máximo»</translation>
    </message>
    <message>
        <source>label for yes</source>
        <translation>la etiqueta del sí</translation>
    </message>
    <message>
        <source>label for no</source>
        <translation>la etiqueta del no</translation>
    </message>
    <message>
        <source>label of the low end</source>
        <translation>la etiqueta del extremo bajo</translation>
    </message>
    <message>
        <source>label of the high end</source>
        <translation>la etiqueta del extremo alto</translation>
    </message>
    <message>
        <source>placeholder</source>
        <translation>el texto de ejemplo</translation>
    </message>
    <message>
        <source>maximum length</source>
        <translation>la longitud máxima</translation>
    </message>
    <message>
        <source>“Several lines” box</source>
        <translation>la casilla «Varias líneas»</translation>
    </message>
    <message>
        <source>text</source>
        <translation>el texto</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>los ajustes</translation>
    </message>
    <message>
        <source>“may skip steps” setting</source>
        <translation>el ajuste «se pueden omitir pasos»</translation>
    </message>
    <message>
        <source>signature setting</source>
        <translation>el ajuste de firma</translation>
    </message>
    <message>
        <source>estimated time</source>
        <translation>el tiempo estimado</translation>
    </message>
    <message>
        <source>execution settings</source>
        <translation>los ajustes de ejecución</translation>
    </message>
    <message>
        <source>“Who may run it” setting</source>
        <translation>el ajuste «Quién puede ejecutarla»</translation>
    </message>
    <message>
        <source>identity setting</source>
        <translation>el ajuste de identidad</translation>
    </message>
    <message>
        <source>option</source>
        <translation>opción</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>section</source>
        <translation>sección</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>option {0}’s {1}</source>
        <translation>{1} de la opción {0}</translation>
    </message>
    <message>
        <source>option {0}</source>
        <translation>la opción {0}</translation>
    </message>
    <message>
        <source>The template</source>
        <translation>La plantilla</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>Sección {0}</translation>
    </message>
    <message>
        <source>Section {0}, step {1}</source>
        <translation>Sección {0}, paso {1}</translation>
    </message>
    <message>
        <source>The condition refers to {0}, which comes after this step; a condition may only refer to a step before it</source>
        <translation>La condición se refiere a {0}, que va después de este paso; una condición solo puede referirse a un paso anterior</translation>
    </message>
    <message>
        <source>The condition refers to “{0}”, which is not a step of this template</source>
        <translation>La condición se refiere a “{0}”, que no es un paso de esta plantilla</translation>
    </message>
    <message>
        <source>The condition refers to its own step; a condition may only refer to a step before it</source>
        <translation>La condición se refiere a su propio paso; una condición solo puede referirse a un paso anterior</translation>
    </message>
    <message>
        <source>The condition refers to {0}, an instruction, which is never answered</source>
        <translation>La condición se refiere a {0}, una instrucción, que nunca se responde</translation>
    </message>
    <message>
        <source>{0} has no {1}</source>
        <translation>{0}: falta {1}</translation>
    </message>
    <message>
        <source>{0} needs at least one {1}</source>
        <translation>{0} necesita al menos un(a) {1}</translation>
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
        <translation>no es una dirección de correo (tiene la forma nombre@example.com)</translation>
    </message>
    <message>
        <source>is not in the form expected here</source>
        <translation>no tiene la forma que se espera aquí</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>The location needs a latitude and a longitude (or none at all)</source>
        <translation>La ubicación necesita latitud y longitud (o quedar vacía)</translation>
    </message>
    <message>
        <source>Accuracy must be a number of metres, 0 or more, or empty</source>
        <translation>La precisión debe ser un número de metros, 0 o más, o quedar vacía</translation>
    </message>
    <message>
        <source>{0} must be a number from {1} to {2}</source>
        <translation>{0} debe ser un número de {1} a {2}</translation>
    </message>
    <message>
        <source>{0} is missing</source>
        <translation>Falta {0}</translation>
    </message>
    <message>
        <source>• and {0} more</source>
        <translation>• y {0} más</translation>
    </message>
</context>
<context>
    <name>quotes</name>
    <message>
        <source>“{0}”</source>
        <translation>«{0}»</translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>This run&apos;s server is the Rundun app&apos;s own server on this computer: check in the status bar that the app is connected, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>El servidor de esta ejecución es el propio servidor de la aplicación Rundun en este equipo: comprueba en la barra de estado que la aplicación está conectada y pulsa &lt;b&gt;Sincronizar ahora&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>This run&apos;s server runs on this computer, apart from the app&apos;s own: check that it is started, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>El servidor de esta ejecución funciona en este equipo, aparte del propio servidor de la aplicación: comprueba que está iniciado y pulsa &lt;b&gt;Sincronizar ahora&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>Comprueba la red de este equipo y pulsa &lt;b&gt;Sincronizar ahora&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not sent yet.&lt;/b&gt; {0} Your answers are kept on this computer and are sent as soon as the server answers; you can go on filling the run. {1}</source>
        <translation>&lt;b&gt;Aún no enviado.&lt;/b&gt; {0} Tus respuestas se guardan en este equipo y se envían en cuanto el servidor responda; puedes seguir rellenando la ejecución. {1}</translation>
    </message>
</context>
<context>
    <name>runner_view</name>
    <message>
        <source>Export the run to a folder</source>
        <translation>Exportar la ejecución a una carpeta</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>no backup yet</source>
        <translation>aún no hay copia</translation>
    </message>
    <message>
        <source>last backup just now</source>
        <translation>última copia ahora mismo</translation>
    </message>
    <message>
        <source>last backup {0} min ago</source>
        <translation>última copia hace {0} min</translation>
    </message>
    <message>
        <source>last backup {0} h ago</source>
        <translation>última copia hace {0} h</translation>
    </message>
</context>
<context>
    <name>settings_controller</name>
    <message>
        <source>{0} this month · unlimited</source>
        <translation>{0} este mes · ilimitadas</translation>
    </message>
    <message>
        <source>{0} of {1} used this month</source>
        <translation>{0} de {1} usadas este mes</translation>
    </message>
</context>
<context>
    <name>sharing_view</name>
    <message>
        <source>Anyone on this network can reach the server. It still needs a run&apos;s link or an API key, but share only on networks you trust (not a café&apos;s or a hotel&apos;s Wi-Fi).</source>
        <translation>Cualquiera en esta red puede llegar al servidor. Aun así necesita el enlace de una ejecución o una clave de API, pero comparte solo en redes de confianza (no en el wifi de una cafetería o de un hotel).</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>step_card</name>
    <message>
        <source>✎ Not saved yet</source>
        <translation>✎ Aún no guardado</translation>
    </message>
    <message>
        <source>● Saved here · waiting to sync</source>
        <translation>● Guardado aquí · pendiente de sincronizar</translation>
    </message>
    <message>
        <source>✓ Synced</source>
        <translation>✓ Sincronizado</translation>
    </message>
    <message>
        <source>✕ Refused by the server</source>
        <translation>✕ Rechazado por el servidor</translation>
    </message>
    <message>
        <source>✕ Not sent · the server refused the run</source>
        <translation>✕ Sin enviar · el servidor rechazó la ejecución</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>The runs on this computer were saved by a newer Rundun ({0}).</source>
        <translation>Las ejecuciones de este equipo las guardó un Rundun más reciente ({0}).</translation>
    </message>
    <message>
        <source>This run is not on this computer.</source>
        <translation>Esta ejecución no está en este equipo.</translation>
    </message>
    <message>
        <source>This run is being completed: it takes no more changes.</source>
        <translation>Esta ejecución se está completando: ya no admite cambios.</translation>
    </message>
    <message>
        <source>This run is completed: it takes no more changes.</source>
        <translation>Esta ejecución está completada: ya no admite cambios.</translation>
    </message>
    <message>
        <source>The server refused this run: it takes no more changes here. You can export it.</source>
        <translation>El servidor rechazó esta ejecución: aquí ya no admite cambios. Puedes exportarla.</translation>
    </message>
    <message>
        <source>This run takes no more changes ({0}).</source>
        <translation>Esta ejecución ya no admite cambios ({0}).</translation>
    </message>
    <message>
        <source>This computer&apos;s disk is full: nothing new was saved. Free some space and try again.</source>
        <translation>El disco de este equipo está lleno: no se guardó nada nuevo. Libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This file is not a JPEG, PNG, WebP, HEIC or HEIF image.</source>
        <translation>Este archivo no es una imagen JPEG, PNG, WebP, HEIC ni HEIF.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>No se puede leer {0}: {1}.</translation>
    </message>
    <message>
        <source>There is no photo there any more.</source>
        <translation>Ya no hay ninguna foto ahí.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The photo&apos;s file on this computer is damaged (it no longer matches the photo taken); add the photo again.</source>
        <translation>El archivo de la foto en este equipo está dañado (ya no coincide con la foto tomada); añade la foto de nuevo.</translation>
    </message>
    <message>
        <source>the run has expired</source>
        <translation>la ejecución ha caducado</translation>
    </message>
    <message>
        <source>the run is closed</source>
        <translation>la ejecución está cerrada</translation>
    </message>
    <message>
        <source>the run is cancelled</source>
        <translation>la ejecución se ha cancelado</translation>
    </message>
    <message>
        <source>the run is completed already</source>
        <translation>la ejecución ya está completada</translation>
    </message>
    <message>
        <source>the server no longer knows this run</source>
        <translation>el servidor ya no conoce esta ejecución</translation>
    </message>
    <message>
        <source>the server no longer accepts this computer&apos;s token for the run (was it opened again elsewhere?)</source>
        <translation>el servidor ya no acepta el token de este equipo para la ejecución (¿se volvió a abrir en otro sitio?)</translation>
    </message>
    <message>
        <source>it answered {0}</source>
        <translation>respondió {0}</translation>
    </message>
    <message>
        <source>The server refused this run: {0}. Its answers and photos stay on this computer; you can export them.</source>
        <translation>El servidor rechazó esta ejecución: {0}. Sus respuestas y fotos se quedan en este equipo; puedes exportarlas.</translation>
    </message>
    <message>
        <source>the answer to {0}</source>
        <translation>la respuesta a {0}</translation>
    </message>
    <message>
        <source>photo {0} of {1}</source>
        <translation>foto {0} de {1}</translation>
    </message>
    <message>
        <source>the {0} of {1}</source>
        <translation>{0} de {1}</translation>
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
        <translation>rundun:// registrado en HKEY_CURRENT_USER\{0}; los enlaces rundun:// abren ahora Rundun.</translation>
    </message>
</context>
<context>
    <name>value_widgets</name>
    <message>
        <source>e.g. 10, 12.5</source>
        <translation>p. ej. 10, 12.5</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, …</source>
        <translation>AAAA-MM-DD, …</translation>
    </message>
    <message>
        <source>HH:MM, …</source>
        <translation>HH:MM, …</translation>
    </message>
</context>
</TS>
