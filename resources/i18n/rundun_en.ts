<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CheckWords</name>
    <message numerus="yes">
        <source>&apos;{0}&apos; needs at least %Ln photo(s)</source>
        <translation>
            <numerusform>&apos;{0}&apos; needs at least %Ln photo</numerusform>
            <numerusform>&apos;{0}&apos; needs at least %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must have at most %Ln decimal place(s)</source>
        <translation>
            <numerusform>must have at most %Ln decimal place</numerusform>
            <numerusform>must have at most %Ln decimal places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must be at most %Ln character(s)</source>
        <translation>
            <numerusform>must be at most %Ln character</numerusform>
            <numerusform>must be at most %Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must select at least %Ln option(s)</source>
        <translation>
            <numerusform>must select at least %Ln option</numerusform>
            <numerusform>must select at least %Ln options</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must select at most %Ln option(s)</source>
        <translation>
            <numerusform>must select at most %Ln option</numerusform>
            <numerusform>must select at most %Ln options</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) from your prompt</source>
        <translation>
            <numerusform>%Ln item from your prompt</numerusform>
            <numerusform>%Ln items from your prompt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It already asked %Ln of your items, in its own words.</source>
        <translation>
            <numerusform>It already asked %Ln of your items, in its own words.</numerusform>
            <numerusform>It already asked %Ln of your items, in its own words.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln change waiting</numerusform>
            <numerusform>%Ln changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln change not sent</numerusform>
            <numerusform>%Ln changes not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused</source>
        <translation>
            <numerusform>%Ln change refused</numerusform>
            <numerusform>%Ln changes refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved</source>
        <translation>
            <numerusform>%Ln answer not saved</numerusform>
            <numerusform>%Ln answers not saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This step takes at most %Ln photo(s).</source>
        <translation>
            <numerusform>This step takes at most %Ln photo.</numerusform>
            <numerusform>This step takes at most %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln decimal(s)</source>
        <translation>
            <numerusform>up to %Ln decimal</numerusform>
            <numerusform>up to %Ln decimals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln optional step(s) unanswered</source>
        <translation>
            <numerusform>%Ln optional step unanswered</numerusform>
            <numerusform>%Ln optional steps unanswered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln template</numerusform>
            <numerusform>%Ln templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected run(s)</source>
        <translation>
            <numerusform>%Ln selected run</numerusform>
            <numerusform>%Ln selected runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln step</numerusform>
            <numerusform>%Ln steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more depending on answers</source>
        <translation>
            <numerusform>%Ln more depending on answers</numerusform>
            <numerusform>%Ln more depending on answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changed %Ln time(s)</source>
        <translation>
            <numerusform>changed once</numerusform>
            <numerusform>changed %Ln times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln stale write(s) lost</source>
        <translation>
            <numerusform> · %Ln stale write lost</numerusform>
            <numerusform> · %Ln stale writes lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln finding(s)</source>
        <translation>
            <numerusform>⚠ %Ln finding</numerusform>
            <numerusform>⚠ %Ln findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) are findings: open the run to see which</source>
        <translation>
            <numerusform>%Ln answer is a finding: open the run to see which</numerusform>
            <numerusform>%Ln answers are findings: open the run to see which</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last backup %Ln day(s) ago</source>
        <translation>
            <numerusform>last backup %Ln day ago</numerusform>
            <numerusform>last backup %Ln days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent, in runs the server refused</source>
        <translation>
            <numerusform>%Ln change not sent, in runs the server refused</numerusform>
            <numerusform>%Ln changes not sent, in runs the server refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved: put it right to send it</source>
        <translation>
            <numerusform>%Ln answer not saved: put it right to send it</numerusform>
            <numerusform>%Ln answers not saved: put them right to send them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused by the server, so the run was not completed. Fix them and complete again:
</source>
        <translation>
            <numerusform>%Ln change was refused by the server, so the run was not completed. Fix it and complete again:
</numerusform>
            <numerusform>%Ln changes were refused by the server, so the run was not completed. Fix them and complete again:
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s){0} still on the executor&apos;s device{1}, not yet on the server: this run shows less than was done, and they arrive when the device is online again.</source>
        <translation>
            <numerusform>%Ln change{0} is still on the executor&apos;s device{1}, not yet on the server: this run shows less than was done, and it arrives when the device is online again.</numerusform>
            <numerusform>%Ln changes{0} are still on the executor&apos;s device{1}, not yet on the server: this run shows less than was done, and they arrive when the device is online again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %Ln step(s)</source>
        <translation>
            <numerusform>{0} of %Ln step</numerusform>
            <numerusform>{0} of %Ln steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translations into {0}: %Ln changed</source>
        <translation>
            <numerusform>Translations into {0}: %Ln changed</numerusform>
            <numerusform>Translations into {0}: %Ln changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; holds %Ln change(s) the server never took, kept only on this computer. Export the run first to keep them. Remove it anyway?</source>
        <translation>
            <numerusform>&apos;{0}&apos; holds %Ln change the server never took, kept only on this computer. Export the run first to keep it. Remove it anyway?</numerusform>
            <numerusform>&apos;{0}&apos; holds %Ln changes the server never took, kept only on this computer. Export the run first to keep them. Remove it anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message numerus="yes">
        <source>%Ln run(s) of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart&apos;s numbers are on its Numbers tab.</source>
        <translation>
            <numerusform>%Ln run of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart&apos;s numbers are on its Numbers tab.</numerusform>
            <numerusform>%Ln runs of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart&apos;s numbers are on its Numbers tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} answered, {1} skipped, %Ln finding(s)</source>
        <translation>
            <numerusform>{0} answered, {1} skipped, %Ln finding</numerusform>
            <numerusform>{0} answered, {1} skipped, %Ln findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>Last %Ln day(s)</source>
        <translation>
            <numerusform>Last %Ln day</numerusform>
            <numerusform>Last %Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message numerus="yes">
        <source>⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>⚠ %Ln problem</numerusform>
            <numerusform>⚠ %Ln problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message numerus="yes">
        <source>%Ln step(s) show only on its answers: {0}. Their conditions would name a step that is gone.</source>
        <translation>
            <numerusform>%Ln step shows only on its answers: {0}. Its condition would name a step that is gone.</numerusform>
            <numerusform>%Ln steps show only on its answers: {0}. Their conditions would name a step that is gone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message numerus="yes">
        <source>%Ln section(s)</source>
        <translation>
            <numerusform>%Ln section</numerusform>
            <numerusform>%Ln sections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonSync</name>
    <message numerus="yes">
        <source>%Ln problem(s).</source>
        <translation>
            <numerusform>%Ln problem.</numerusform>
            <numerusform>%Ln problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln template</numerusform>
            <numerusform>%Ln templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message numerus="yes">
        <source>%Ln photo(s) with the answer</source>
        <translation>
            <numerusform>%Ln photo with the answer</numerusform>
            <numerusform>%Ln photos with the answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <source>The template has %Ln problem(s); the preview shows the last valid version.</source>
        <translation>
            <numerusform>The template has %Ln problem; the preview shows the last valid version.</numerusform>
            <numerusform>The template has %Ln problems; the preview shows the last valid version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); fix them to see the preview.</source>
        <translation>
            <numerusform>The template has %Ln problem; fix it to see the preview.</numerusform>
            <numerusform>The template has %Ln problems; fix them to see the preview.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln step(s) hidden by conditions</source>
        <translation>
            <numerusform> · %Ln step hidden by conditions</numerusform>
            <numerusform> · %Ln steps hidden by conditions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertiesController</name>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln step</numerusform>
            <numerusform>%Ln steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunDetailView</name>
    <message numerus="yes">
        <source>%Ln earlier write(s) not shown</source>
        <translation>
            <numerusform>%Ln earlier write not shown</numerusform>
            <numerusform>%Ln earlier writes not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln attempt</numerusform>
            <numerusform>%Ln attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunnerController</name>
    <message numerus="yes">
        <source> · %Ln still incomplete</source>
        <translation>
            <numerusform> · %Ln still incomplete</numerusform>
            <numerusform> · %Ln still incomplete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) chosen before Rundun stopped could not be kept: {0}</source>
        <translation>
            <numerusform>%Ln photo chosen before Rundun stopped could not be kept: {0}</numerusform>
            <numerusform>%Ln photos chosen before Rundun stopped could not be kept: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln thing(s) still missing before this run can be completed&lt;/b&gt; (each links to its step):</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln thing still missing before this run can be completed&lt;/b&gt; (each links to its step):</numerusform>
            <numerusform>&lt;b&gt;%Ln things still missing before this run can be completed&lt;/b&gt; (each links to its step):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message numerus="yes">
        <source>Not saved: ⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>Not saved: ⚠ %Ln problem</numerusform>
            <numerusform>Not saved: ⚠ %Ln problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message numerus="yes">
        <source>Takes %Ln photo(s) with the answer</source>
        <translation>
            <numerusform>Takes %Ln photo with the answer</numerusform>
            <numerusform>Takes %Ln photos with the answer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StructureModel</name>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>%Ln step</numerusform>
            <numerusform>%Ln steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateListController</name>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln template</numerusform>
            <numerusform>%Ln templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranslationsController</name>
    <message numerus="yes">
        <source>%Ln translation(s) to check: the source changed after they were translated (highlighted).</source>
        <translation>
            <numerusform>%Ln translation to check: its source changed after it was translated (highlighted).</numerusform>
            <numerusform>%Ln translations to check: their source changed after they were translated (highlighted).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranslationsPanel</name>
    <message numerus="yes">
        <source>%Ln translated text(s) go with it. Runs already dispatched in it keep theirs.</source>
        <translation>
            <numerusform>%Ln translated text goes with it. Runs already dispatched in it keep theirs.</numerusform>
            <numerusform>%Ln translated texts go with it. Runs already dispatched in it keep theirs.</numerusform>
        </translation>
    </message>
</context>
</TS>
