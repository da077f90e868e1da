"""The executor's own style rules (by object name and property), layered on the app's style sheet.

Kept beside the executor, as the editor does, because they style only the executor's widgets.
"""

# `#sectionList::item`'s padding below (8px 10px), across and down: the section list's wrapped rows measure with it.
SECTION_ITEM_PADDING = (2 * 10, 2 * 8)

EXECUTOR_STYLE = """
#stepCard { background: #ffffff; border: 1px solid #e3e7f0; border-radius: 10px; }
#stepCard[focused="true"] { border: 1px solid #3b5bdb; }
#stepCard[problem="true"] { border: 1px solid #e03131; }
#stepCard QLabel { background: transparent; }
#stepLabel { font-size: 14px; font-weight: 600; }
#required { color: #e03131; font-weight: 700; }
#stepHint, #stepNote { color: #5b6478; }
#savedChip { color: #2f9e44; font-size: 12px; }
#savedChip[state="waiting"] { color: #f08c00; }
#savedChip[state="typing"] { color: #5b6478; }
#savedChip[state="refused"] { color: #e03131; }
#savedChip[state="unsent"] { color: #e03131; }
#stepCard QLabel#instructionBody { color: #1c2333; background: #f1f4fb; border-radius: 6px; padding: 8px 10px; }
#sectionTitle { font-size: 18px; font-weight: 700; }
#sectionList { background: #ffffff; border: 1px solid #e3e7f0; border-radius: 10px; outline: 0; padding: 4px; }
#sectionList::item { padding: 8px 10px; border-radius: 6px; }
#sectionList::item:selected { background: #e7ecff; color: #1c2333; }
#runTitle { font-size: 19px; font-weight: 700; }
#banner { border-radius: 8px; padding: 8px 12px; }
#banner[tone="error"] { background: #fde4e4; color: #8f1d22; }
#banner[tone="info"] { background: #e7ecff; color: #23358f; }
#banner[tone="done"] { background: #dcf5e6; color: #11703f; }
#syncBar { background: #ffffff; border-top: 1px solid #e3e7f0; }
#syncDot { font-size: 14px; color: #8a93a6; }
#syncDot[online="true"] { color: #2f9e44; }
#syncDot[online="false"] { color: #e03131; }
#syncError { color: #b4232a; }
QPushButton#choice { padding: 6px 14px; min-width: 44px; }
QPushButton#choice:checked { background: #3b5bdb; border-color: #3b5bdb; color: #ffffff; font-weight: 600; }
QPushButton#choice:focus, QPushButton:focus { border-color: #3b5bdb; }
QRadioButton:focus, QCheckBox:focus { color: #3b5bdb; }
#scaleLabel { color: #8a93a6; font-size: 11px; }
#dropZone { border: 1px dashed #b9c2d8; border-radius: 8px; background: #f8f9fc; }
#dropZone[hover="true"] { border-color: #3b5bdb; background: #eef2ff; }
#thumb { background: #eef1f6; border-radius: 8px; border: 2px solid transparent; }
#thumb:focus { border-color: #3b5bdb; }
#signaturePad { background: #ffffff; border: 1px solid #d5dae6; border-radius: 8px; }
#signaturePad:focus { border-color: #3b5bdb; }
"""
