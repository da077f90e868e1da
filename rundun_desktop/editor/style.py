"""The editor's own style rules (object names and the `problem` property), layered on the app's style.

Kept beside the editor rather than in `resources/` because they style only the editor's widgets by
their object names; the app-wide look (palette, fonts) stays with the main window's style sheet.
"""

EDITOR_STYLE = """
#editorToolbar, #listToolbar { border-bottom: 1px solid palette(mid); }
#editorTitle { font-size: 15px; font-weight: 600; }
#versionBadge {
    color: #1e3a8a; background: #dbeafe; border-radius: 8px; padding: 2px 8px; font-size: 11px;
}
#versionBadge[dirty="true"] { color: #92400e; background: #fef3c7; }
#validationStatus { border: none; padding: 2px 6px; font-size: 11px; color: #166534; text-align: left; }
#validationStatus[problem="true"] { color: #b91c1c; }
#saveButton {
    background: #2563eb; color: white; border: none; border-radius: 5px; padding: 5px 16px; font-weight: 600;
}
#saveButton:disabled { background: #93c5fd; }
#conflictBanner { background: #fef3c7; border-bottom: 1px solid #f59e0b; }
#panelTitle { font-size: 14px; font-weight: 600; }
#muted { color: #64748b; }
#problemsBox { background: #fef2f2; border: 1px solid #fca5a5; border-radius: 6px; color: #991b1b; }
QGroupBox { font-weight: 600; border: 1px solid palette(mid); border-radius: 6px; margin-top: 10px;
            padding: 10px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox { font-weight: normal; }
QLineEdit[problem="true"], QPlainTextEdit[problem="true"], QComboBox[problem="true"],
QCheckBox[problem="true"], QLabel[problem="true"] { color: #b91c1c; }
QLineEdit[problem="true"], QPlainTextEdit[problem="true"], QComboBox[problem="true"] {
    border: 1px solid #dc2626; border-radius: 3px; }
QGroupBox[problem="true"] { border: 1px solid #dc2626; }
#conditionGroup { border: 1px dashed palette(mid); border-radius: 6px; background: palette(alternate-base); }
#conditionWords { color: #475569; }
/* The tree says when the keys act on it: a ring while it has the focus (it showed none). */
#structureTree { border: 2px solid transparent; border-radius: 4px; }
#structureTree:focus { border-color: #3b5bdb; }
#sideTabs QTabBar::tab, #propertiesTabs QTabBar::tab { padding: 8px 10px; }
#previewPane { background: palette(window); }
#previewPage { background: #f1f5f9; }
#previewCard { background: white; border: 1px solid #e2e8f0; border-radius: 8px; }
#previewLabel { font-weight: 600; }
#previewSection { font-size: 15px; font-weight: 700; }
#previewProblem { color: #b91c1c; }
#previewFinding { color: #9a3412; background: #ffedd5; border-left: 3px solid #e8590c; padding: 3px 6px;
                  font-weight: 600; }
#previewBanner { background: #fef3c7; color: #92400e; padding: 6px; border-radius: 4px; }
#previewChoice:checked { background: #2563eb; color: white; border-radius: 4px; }
#jsonStatus { color: #166534; padding: 2px 4px; }
#jsonStatus[problem="true"] { color: #b91c1c; }
QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }
QSpinBox::up-arrow, QSpinBox::down-arrow { width: 0px; height: 0px; }
"""
