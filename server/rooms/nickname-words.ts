// Word lists for suggested nicknames ("Curious Otter"). Kept short, friendly and plain:
// every pair fits the 20-character nickname limit and none reads as an insult.
export const ADJECTIVES = [
  'Agile', 'Bold', 'Brave', 'Bright', 'Bubbly', 'Calm', 'Cheerful', 'Clever', 'Cosmic', 'Cozy',
  'Curious', 'Daring', 'Dapper', 'Eager', 'Epic', 'Fearless', 'Fluffy', 'Friendly', 'Gentle', 'Giddy',
  'Glowing', 'Golden', 'Happy', 'Humble', 'Jolly', 'Keen', 'Kind', 'Lively', 'Lucky', 'Mellow',
  'Merry', 'Mighty', 'Nimble', 'Noble', 'Patient', 'Peppy', 'Plucky', 'Polite', 'Quick', 'Quiet',
  'Radiant', 'Rapid', 'Sunny', 'Smart', 'Snappy', 'Spry', 'Steady', 'Swift', 'Witty', 'Zesty',
];

export const ANIMALS = [
  'Alpaca', 'Badger', 'Beaver', 'Bison', 'Capybara', 'Cheetah', 'Cobra', 'Condor', 'Crane', 'Dingo',
  'Dolphin', 'Eagle', 'Falcon', 'Ferret', 'Gazelle', 'Gecko', 'Heron', 'Hedgehog', 'Ibis', 'Jaguar',
  'Koala', 'Lemur', 'Lynx', 'Manatee', 'Marmot', 'Meerkat', 'Moose', 'Narwhal', 'Ocelot', 'Octopus',
  'Orca', 'Otter', 'Owl', 'Panda', 'Pelican', 'Penguin', 'Puffin', 'Quokka', 'Raven', 'Robin',
  'Salmon', 'Seal', 'Sparrow', 'Squid', 'Tapir', 'Tiger', 'Toucan', 'Walrus', 'Wombat', 'Yak',
];
