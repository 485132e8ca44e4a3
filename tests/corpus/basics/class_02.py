# inheritance, method overriding and isinstance/issubclass
class Animal:
    sound = "..."
    def speak(self):
        return "%s says %s" % (self.name(), self.sound)
    def name(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def name(self):
        return "dog"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
for a in (Animal(), Dog(), Puppy()):
    print(a.speak())
print(issubclass(Puppy, Animal), isinstance(Dog(), Puppy))
