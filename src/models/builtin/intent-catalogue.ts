import type { IntentOption } from '../language-engine.ts';

/**
 * The intents the conversation runtime routes on. The examples teach the built-in classifier and
 * are shown to a provider's model; the descriptions say where one intent ends and the next begins.
 */
export const intentNames = [
  'greeting', 'smalltalk', 'help', 'question', 'describe_product', 'provide_spec', 'modify_design',
  'request_variations', 'approve', 'reject_or_change', 'status', 'request_rfq', 'upload_reference', 'cancel',
] as const;
export type IntentName = (typeof intentNames)[number];

const catalogue: Record<IntentName, Omit<IntentOption, 'name'>> = {
  greeting: {
    description: 'Says hello or opens the conversation, nothing else.',
    examples: ['hi', 'hello there', 'hey!', 'good morning', "hi, I'm new here", 'hello, anyone there?', 'hey team', 'good afternoon', 'yo', 'greetings', 'hiya, nice to meet you', "hey, how's it going", "hi there, it's Tom", 'hallo'],
  },
  smalltalk: {
    description: 'Thanks, praise, pleasantries, goodbyes or chit-chat that asks for nothing.',
    examples: ['thanks!', 'thank you so much', 'cheers', 'great, thanks for the help', 'how are you today?', "you're awesome", 'appreciate it', 'no worries', 'haha nice', 'have a good day', 'ok cool', 'bye for now', 'great job', "that's kind of you", 'ha, fair enough', 'see you later', 'much obliged'],
  },
  help: {
    description: 'Asks what the assistant can do or how to use it.',
    examples: ['what can you do?', 'how does this work?', 'help', 'what are you able to help me with?', "I'm not sure how to start", 'what should I say to you?', 'show me the commands', 'can you explain how to use Foundry?', 'what kind of things can you make?', "I'm lost, how do I use this", 'what features does the assistant have?', 'how do I get started?', 'what can this tool do for my business?', 'is there a tutorial?', 'which commands are there?'],
  },
  question: {
    description: 'Asks a question about the project, the product, the uploaded documents, materials, costs or manufacturing.',
    examples: ['what material did we pick for the strap?', 'does the brand guide say anything about fonts?', 'how much would shipping to Canada cost?', "what's the difference between TPU and silicone?", 'is PET recyclable?', 'which supplier had the lowest price?', 'what is the MOQ for custom printing?', 'how long does injection moulding tooling take?', 'did the factory mention a lead time?', 'why did you choose matte over gloss?', 'what does CE marking require?', 'can silicone be printed on?', "what's the warranty on the hinges?", 'how should the merino fabric be washed?', 'what temperature can silicone handle?', 'is bamboo safe in a dishwasher?', 'how many units fit in a 20ft container?', 'why do the two quotes differ so much?', 'where will the goods ship from?', 'are there import duties for the EU?', 'which file format does the printer need?', 'when is the tooling paid for?'],
  },
  describe_product: {
    description: 'Describes a new product idea: what they want to make, design, produce or launch.',
    examples: ['I want to create custom phone cases for my brand', "we're launching a line of insulated water bottles", "I'd like to design a minimalist leather wallet", 'my idea is a dog collar with a built-in light', 'we need branded tote bags for our coffee shop', "I'm thinking of a kids' backpack that glows in the dark", 'can we make a premium yoga mat with our logo', 'looking to produce eco-friendly packaging for candles', 'new project: a desk organiser made from bamboo', 'I want 10,000 custom phone cases', "let's build a smart pet feeder", 'our company wants merch hoodies for the team', "we'd like to produce a line of enamel mugs", "I'm designing a travel pillow for kids", 'the plan is to launch a vegan leather tote', 'help me bring a cork yoga block to market', 'we want our own brand of dog shampoo bottles', 'concept: a stackable lunch box'],
  },
  provide_spec: {
    description: 'Gives specification details: materials, dimensions, weights, quantities, colours, finishes, packaging, target price, markets, devices or deadlines.',
    examples: ['it should be made of TPU, in black', 'dimensions are 150 x 75 x 9 mm', 'we need 5,000 units by the end of Q2', 'use Pantone 286 C for the logo', 'the fabric is 100% organic cotton, 180 gsm', 'weight must stay under 200 g', 'target price is $4.50 per unit', "it's for the iPhone 15 Pro and Pro Max", 'packaging: kraft box with a paper insert', 'matte finish, soft-touch coating', "we're selling in the US and EU", 'quantity is around 2k pieces, half navy and half grey', 'the lid is bamboo, the body borosilicate glass', 'size M is 70 cm long, size L 74 cm', 'logo in white, one colour print', 'budget per unit is about €3', 'order quantity: 1,200', 'deliver to our Berlin warehouse by 1 June'],
  },
  modify_design: {
    description: 'Asks to change an element of the current design or visual: size, position, colour, shape, text, logo.',
    examples: ['make the logo smaller', 'can you move the text to the bottom?', 'change the background to navy', 'make the corners more rounded', 'use a thinner font for the tagline', 'swap the colours of the strap and the body', 'remove the pattern on the back', 'I like #2 but the logo should be smaller', 'add a lanyard hole in the top corner', 'make it more minimalist', 'increase the contrast on the print', 'put our slogan under the logo', 'move the logo to the right', 'enlarge the text a little', 'delete the border', 'can the corners be sharper?'],
  },
  request_variations: {
    description: 'Wants to see alternatives, more options, other concepts or variations of a design.',
    examples: ['show me a few more options', 'can you generate some variations?', 'give me 3 different concepts', 'what would it look like in other colours?', 'try a couple of alternative layouts', "I'd like to see more ideas", 'explore a bolder direction too', 'make a few versions with different patterns', 'more variations please', 'can I see other styles?', 'show some alternatives to this one', 'any alternatives?', 'let me see more concepts', 'give me some other takes on this', 'what are some different directions?'],
  },
  approve: {
    description: 'Approves the current design or specification, is happy with it and wants to move forward.',
    examples: ['looks great, approved', "that's exactly what I want!", "yes, let's go with this one", 'perfect, move on', "I'm happy with it", 'sign off on this version', 'approve the specs', 'yes, that works', "love it, let's proceed", 'good to go', 'ship it', 'all good, lock it in', 'this works, finalize it', "we're good, move to specs", "I'm happy, lock it"],
  },
  reject_or_change: {
    description: 'Does not approve: is unhappy with the result or wants to revise it before going on.',
    examples: ["no, that's not what I had in mind", "I don't like it", 'not quite right', "this isn't approved yet", "let's go back and rework the specs", "I don't want to approve this", 'hmm, no', "that's wrong", 'needs more work before I sign off', "I'm not happy with this version", "please revise, it doesn't match the brief", 'nope, start over on this', "this isn't what we agreed", 'this needs changes before I sign', 'wrong, please redo'],
  },
  status: {
    description: 'Asks where the project stands, what has been done, what is pending or what comes next.',
    examples: ['where are we?', "what's the status?", "what's next?", 'what have we done so far?', 'how far along is the project?', 'any update on the quotes?', 'what stage are we at?', 'give me a summary of the project', "what's left to do?", 'recap please', 'are we ready for manufacturing?', 'what are we waiting on?', "what's pending?", 'any progress?', 'what comes next?', 'can you summarise the project so far?', 'are we on schedule?'],
  },
  request_rfq: {
    description: 'Wants quotes, an RFQ, pricing from suppliers, or to find manufacturers and start sourcing.',
    examples: ["let's get quotes", 'send the RFQ to suppliers', 'find me a manufacturer', 'can you get pricing from factories?', 'I want to request quotes', 'which factories can make this?', 'start sourcing', 'ask suppliers for a price', 'get me 3 quotes from manufacturers', 'ready for manufacturing quotes', 'put together a request for quotation', 'contact some vendors', 'request quotations please', 'find factories that can make it', 'ask three suppliers for prices', 'can you source a manufacturer?', "let's get prices from vendors"],
  },
  upload_reference: {
    description: 'Refers to files, images, logos, sketches or documents they attached, uploaded or shared.',
    examples: ["here's our logo", "I've attached the brand guidelines", 'see the uploaded sketch', "I'm sending a reference photo", 'use the image I just uploaded', 'the spec sheet is in the attachment', 'uploading our style guide now', 'here are some pictures of what I like', 'check the PDF I shared', 'attached is the tech pack', 'I dropped the logo files in', 'take a look at this mood board', "I've uploaded the spec sheet", "here's the dieline", 'sharing our brand guide', "I'm attaching a sketch", 'the logo file is uploaded'],
  },
  cancel: {
    description: 'Wants to stop, cancel, pause, undo or abandon the current work.',
    examples: ['stop', 'cancel that', 'never mind', 'forget it', 'cancel the project', 'stop generating', 'abort', "let's pause this for now", "I don't want to continue", 'undo that request', 'drop this idea', "hold on, don't do that", 'stop it', 'cancel the order', 'abandon this', 'pause the project'],
  },
};

const option = (name: IntentName): IntentOption => ({ name, ...catalogue[name] });
const pick = (...names: IntentName[]): IntentOption[] => names.map(option);

/** Every intent: what a turn is classified against when the stage does not narrow it. */
export const defaultIntents: IntentOption[] = intentNames.map(option);

/** While visuals are being iterated. */
export const designIntents: IntentOption[] = pick('modify_design', 'request_variations', 'approve', 'reject_or_change', 'question');

/** While the specification is being completed. */
export const specIntents: IntentOption[] = pick('provide_spec', 'question', 'approve', 'reject_or_change', 'status');

/** While a finished specification awaits sign-off. */
export const reviewIntents: IntentOption[] = pick('approve', 'reject_or_change', 'question');

/** The catalogue entry for one intent. */
export function intentOption(name: IntentName): IntentOption {
  return option(name);
}
