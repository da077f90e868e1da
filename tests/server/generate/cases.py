"""The prompt table of the offline generator tests: prompts from many domains and what each must give.

Each case is (prompt, signature expected, items). An item reads "words = type detail": a step whose label
contains the words must have the type; the detail is the unit of a number ("-" for none), the bad answer of
a yes/no check (Y or N), the first option of a choice, the low label of a rating; no detail: anything fitting.
"""

from __future__ import annotations

Case = tuple[str, bool, str]

CASES: list[Case] = [
    (
        (
            "Vehicle pre-rental inspection checklist for a car rental company. Include exterior condition, "
            "interior cleanliness, fuel level, odometer, and customer signature."
        ),
        True,
        (
            "exterior condition = rating Poor; interior cleanliness = rating Very dirty; "
            "fuel level = choice Full; odometer = number km"
        ),
    ),
    (
        (
            "Short-term rental turnover checklist. Kitchen: dishes washed and put away, fridge empty and clean,"
            " photo of the clean kitchen. Bedroom: fresh linen on all beds, towels replaced. Bathroom: toilet "
            "clean, any damage? Finish with notes."
        ),
        False,
        (
            "dishes washed and put away = boolean N; fridge empty and clean = boolean N; "
            "photo of the clean kitchen = photo; fresh linen on all beds = boolean N; "
            "towels replaced = boolean N; toilet clean = boolean N; any damage = boolean Y; notes = text"
        ),
    ),
    (
        (
            "Food safety check for a restaurant kitchen: fridge, freezer and hot holding temperatures, "
            "handwashing stations stocked, any evidence of pests, probe thermometer calibrated. Manager signs "
            "off at the end."
        ),
        True,
        (
            "fridge temperature = number °C; freezer temperature = number °C; "
            "hot holding temperature = number °C; handwashing stations stocked = boolean N; "
            "evidence of pests = boolean Y; probe thermometer calibrated = boolean N"
        ),
    ),
    (
        (
            "Construction site daily safety inspection. Check that PPE is worn, scaffolding is secure and there"
            " are no trip hazards. Record the weather conditions, number of workers on site and wind speed. "
            "Take a photo of the site entrance. Supervisor must sign."
        ),
        True,
        (
            "ppe worn = boolean N; scaffolding secure = boolean N; trip hazards = boolean Y; "
            "weather = choice; number of workers = number -; wind speed = number km/h; "
            "photo of the site entrance = photo"
        ),
    ),
    (
        (
            "Warehouse safety walkthrough: aisles clear, racking in good condition, forklift battery level, any"
            " damaged pallets, fire exits not blocked, stock level in bay A, humidity, number of forklifts in "
            "use."
        ),
        False,
        (
            "aisles clear = boolean N; racking in good condition = boolean N; "
            "forklift battery level = number %; damaged pallets = boolean Y; "
            "fire exits not blocked = boolean N; stock level = choice Full; humidity = number %; "
            "number of forklifts = number -"
        ),
    ),
    (
        (
            "Patient observation round for a hospital ward. Record blood pressure, heart rate, body "
            "temperature, oxygen saturation and respiratory rate. Pain score, mobility, any pressure sores? "
            "Notes."
        ),
        False,
        (
            "blood pressure = number mmHg; heart rate = number bpm; body temperature = number °C; "
            "oxygen saturation = number %; respiratory rate = number breaths/min; "
            "pain score = rating No pain; mobility = choice; pressure sores = boolean Y; notes = text"
        ),
    ),
    (
        (
            "Retail store audit. Check that shelves are stocked, price labels are correct, the floor is clean "
            "and tills are working. Rate the window display presentation. Count the number of customers in "
            "store. Take a photo of the entrance display."
        ),
        False,
        (
            "shelves stocked = boolean N; price labels correct = boolean N; floor clean = boolean N; "
            "tills working = boolean N; window display presentation = rating Poor; "
            "number of customers = number -; photo of the entrance display = photo"
        ),
    ),
    (
        (
            "IT server room weekly check:\n- Server room temperature\n- Humidity\n- UPS load\n- Any warning "
            "lights on equipment?\n- Cabinets locked\n- Fire suppression system working\n- Date of last backup "
            "test\n- Technician signature"
        ),
        True,
        (
            "server room temperature = number °C; humidity = number %; ups load = number %; "
            "warning lights = boolean Y; cabinets locked = boolean N; "
            "fire suppression system working = boolean N; date of last backup test = date"
        ),
    ),
    (
        (
            "Fleet truck daily pre-trip inspection (US, miles and psi): odometer, fuel level, tyre pressure, "
            "oil and coolant levels, lights working, brakes tested, any leaks, any pre-existing damage, driver "
            "signature."
        ),
        True,
        (
            "odometer = number mi; fuel level = choice Full; tyre pressure = number psi; oil level = choice; "
            "coolant level = choice; lights working = boolean N; brakes tested = boolean N; "
            "any leaks = boolean Y; pre-existing damage = boolean Y"
        ),
    ),
    (
        (
            "Hotel room inspection checklist with bed made, towels replaced, minibar stocked, bathroom "
            "cleanliness, TV and remote working, any damage in the room and a photo of the room."
        ),
        False,
        (
            "bed made = boolean N; towels replaced = boolean N; minibar stocked = boolean N; "
            "bathroom cleanliness = rating Very dirty; tv and remote working = boolean N; "
            "damage in the room = boolean Y; photo of the room = photo"
        ),
    ),
    (
        (
            "Gym equipment check. Treadmills working, cables on machines not frayed, free weights returned to "
            "racks, any damaged equipment, floor mats clean, first aid kit, equipment cleanliness."
        ),
        False,
        (
            "treadmills working = boolean N; cables on machines not frayed = boolean N; "
            "free weights returned to racks = boolean N; damaged equipment = boolean Y; "
            "floor mats clean = boolean N; first aid kit = boolean N; "
            "equipment cleanliness = rating Very dirty"
        ),
    ),
    (
        (
            "Office fire safety inspection. Make sure fire extinguishers are present and in date, fire doors "
            "are closed, emergency lighting works, the fire alarm has been tested and escape routes are clear. "
            "Record the date of the last fire drill. Inspector to sign."
        ),
        True,
        (
            "fire extinguishers present and in date = boolean N; fire doors closed = boolean N; "
            "emergency lighting working = boolean N; fire alarm tested = boolean N; "
            "escape routes clear = boolean N; date of the last fire drill = date"
        ),
    ),
    (
        (
            "Restaurant opening checklist: fridge temperature, freezer temperature, dining area clean, tables "
            "set, tills working, staff in uniform, toilets stocked with soap and paper towels, opening time."
        ),
        False,
        (
            "fridge temperature = number °C; freezer temperature = number °C; dining area clean = boolean N; "
            "tables set = boolean N; tills working = boolean N; staff in uniform = boolean N; "
            "toilets stocked with soap and paper towels = boolean N; opening time = time"
        ),
    ),
    (
        (
            "Farm animal welfare check. Check fresh water available, feed available, any signs of illness or "
            "injury, lameness, body condition, bedding clean and dry, number of animals in the pen. Note any "
            "deaths."
        ),
        False,
        (
            "fresh water available = boolean N; feed available = boolean N; "
            "signs of illness or injury = boolean Y; lameness = boolean Y; body condition = rating; "
            "bedding clean and dry = boolean N; number of animals = number -; deaths = boolean Y"
        ),
    ),
    (
        (
            "Daily pool maintenance: pH, free chlorine, water temperature, water clarity, skimmer baskets "
            "emptied, pool cover in good condition, any damage to tiles."
        ),
        False,
        (
            "ph = number pH; free chlorine = number ppm; water temperature = number °C; "
            "water clarity = choice Clear; skimmer baskets emptied = boolean N; "
            "pool cover in good condition = boolean N; damage to tiles = boolean Y"
        ),
    ),
    (
        (
            "1. Delivery date\n2. Arrival time\n3. Number of pallets received\n4. Any damaged packaging?\n5. "
            "Delivery temperature of chilled goods\n6. Photo of the delivery note\n7. Driver name"
        ),
        False,
        (
            "delivery date = date; arrival time = time; number of pallets = number -; "
            "damaged packaging = boolean Y; delivery temperature = number °C; "
            "photo of the delivery note = photo; driver name = text"
        ),
    ),
    (
        (
            "Car wash quality check - exterior cleanliness, interior cleanliness, windows streak-free, any "
            "scratches found, customer satisfaction."
        ),
        False,
        (
            "exterior cleanliness = rating Very dirty; interior cleanliness = rating Very dirty; "
            "windows streak-free = boolean N; scratches = boolean Y; customer satisfaction = rating"
        ),
    ),
    (
        (
            "Playground safety check for the council. Include surfacing condition, any broken equipment, sharp "
            "edges, litter and debris, gates closing properly, signage in place."
        ),
        False,
        (
            "surfacing condition = rating Poor; broken equipment = boolean Y; sharp edges = boolean Y; "
            "litter and debris = boolean Y; gates closing properly = boolean N; "
            "signage in place = boolean N"
        ),
    ),
    (
        (
            "Security patrol log: patrol start time, all doors locked, windows secure, alarm set, CCTV working,"
            " any suspicious activity, finish time, remarks."
        ),
        False,
        (
            "patrol start time = time; doors locked = boolean N; windows secure = boolean N; "
            "alarm set = boolean N; cctv working = boolean N; suspicious activity = boolean Y; "
            "finish time = time; remarks = text"
        ),
    ),
    (
        (
            "Elevator monthly maintenance. Check door sensors working, emergency phone tested, any unusual "
            "noises, machine room temperature, hours run counter reading."
        ),
        False,
        (
            "door sensors working = boolean N; emergency phone tested = boolean N; "
            "unusual noises = boolean Y; machine room temperature = number °C; hours run = number h"
        ),
    ),
    (
        (
            "Tenant move-in inspection. Exterior: front door condition, garden tidy. Living room: carpet "
            "cleanliness, windows. Kitchen: oven clean, fridge working, any damage to worktops. Bathroom: "
            "shower working, any mould. Electricity meter reading, gas meter reading, water meter reading. "
            "Tenant and landlord signatures."
        ),
        True,
        (
            "front door condition = rating Poor; garden tidy = boolean N; "
            "carpet cleanliness = rating Very dirty; windows = boolean N; oven clean = boolean N; "
            "fridge working = boolean N; damage to worktops = boolean Y; shower working = boolean N; "
            "mould = boolean Y; electricity meter = number kWh; gas meter = number m³; "
            "water meter = number m³"
        ),
    ),
    (
        (
            "Make sure the kitchen floor is swept, the bins are emptied, the dishwasher is empty and the coffee"
            " machine is descaled"
        ),
        False,
        (
            "kitchen floor swept = boolean N; bins emptied = boolean N; dishwasher empty = boolean N; "
            "coffee machine descaled = boolean N"
        ),
    ),
    (
        (
            "Boat pre-departure check: fuel level, engine oil level, bilge dry, life jackets on board for all "
            "passengers, number of passengers, VHF radio working, navigation lights working."
        ),
        False,
        (
            "fuel level = choice Full; engine oil level = choice; bilge dry = boolean N; "
            "life jackets on board = boolean N; number of passengers = number -; "
            "vhf radio working = boolean N; navigation lights working = boolean N"
        ),
    ),
    (
        (
            "Childcare room opening check. Room temperature, any hazards in the play area, toys clean, nappy "
            "changing area sanitised, first aid box stocked, number of children present."
        ),
        False,
        (
            "room temperature = number °C; hazards in the play area = boolean Y; toys clean = boolean N; "
            "nappy changing area sanitised = boolean N; first aid box stocked = boolean N; "
            "number of children = number -"
        ),
    ),
    (
        (
            "Dental surgery sterilisation log. Autoclave temperature, pressure, cycle time, indicator strip "
            "passed, instruments bagged and dated, any failed cycles."
        ),
        False,
        (
            "autoclave temperature = number °C; pressure = number bar; cycle time = number min; "
            "indicator strip passed = boolean N; instruments bagged and dated = boolean N; "
            "failed cycles = boolean Y"
        ),
    ),
    (
        (
            "Short-term rental turnover:\n## Kitchen\n- Dishes washed and put away\n- Fridge emptied\n- Photo "
            "of the clean kitchen\n## Bedroom\n- Fresh linen on all beds\n- Any stains on mattress?\n## "
            "General\n- Guest count for next stay\n- Notes"
        ),
        False,
        (
            "dishes washed and put away = boolean N; fridge emptied = boolean N; "
            "photo of the clean kitchen = photo; fresh linen on all beds = boolean N; "
            "stains on mattress = boolean Y; guest count = number -; notes = text"
        ),
    ),
    (
        (
            "Lab safety inspection: eyewash station tested, fume hood airflow reading, chemicals labelled, "
            "spill kit, PPE worn, waste containers not overflowing, gas cylinders secured."
        ),
        False,
        (
            "eyewash station tested = boolean N; fume hood airflow = number m/s; "
            "chemicals labelled = boolean N; spill kit = boolean N; ppe worn = boolean N; "
            "waste containers not overflowing = boolean N; gas cylinders secured = boolean N"
        ),
    ),
    (
        (
            "Event venue setup. Stage set up, sound check done, seating arranged, noise level, fire exits "
            "clear, first aid point staffed, photo of the stage, headcount."
        ),
        False,
        (
            "stage set up = boolean N; sound check done = boolean N; seating arranged = boolean N; "
            "noise level = number dB; fire exits clear = boolean N; first aid point staffed = boolean N; "
            "photo of the stage = photo; headcount = number -"
        ),
    ),
    (
        (
            "Create a checklist for opening the bar each evening with glasses washed, ice machine working, cash"
            " float counted and beer lines cleaned."
        ),
        False,
        (
            "glasses washed = boolean N; ice machine working = boolean N; cash float counted = boolean N; "
            "beer lines cleaned = boolean N"
        ),
    ),
]
